package io.heitu.chaincode.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Enum values are JSON strings. Jackson hands a number or {@code true} to an enum's string creator
 * as text, so {@code "category": 7} would be refused as an unknown word; it is a value of the wrong
 * type, and is refused as one.
 */
final class EnumWords extends JsonDeserializer<Object> implements ContextualDeserializer {

    static final Module MODULE = new SimpleModule("enum-words").setDeserializerModifier(new BeanDeserializerModifier() {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new EnumWords(type.getRawClass(), deserializer);
        }
    });

    private final Class<?> type;
    private final JsonDeserializer<?> words;

    private EnumWords(Class<?> type, JsonDeserializer<?> words) {
        this.type = type;
        this.words = words;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.handleUnexpectedToken(type, parser);
        }
        return words.deserialize(parser, context);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        return words instanceof ContextualDeserializer contextual
                ? new EnumWords(type, contextual.createContextual(context, property))
                : this;
    }
}
