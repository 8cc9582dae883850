package io.heitu.chaincode.core;

import java.util.List;

/** One composite-key entry of a scan: the key's attributes and the stored bytes. */
public record Row(List<String> attributes, byte[] value) {

    public <T> T as(Class<T> type) {
        return Json.decode(value, type);
    }

    public String attribute(int index) {
        return attributes.get(index);
    }
}
