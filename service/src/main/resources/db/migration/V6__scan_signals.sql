-- Scan signals count distinct clients and places, not requests (issue 14): the keyed 8-byte tags
-- of the clients and networks that scanned a code, concatenated, at most 256 of each.
ALTER TABLE qr_scan ADD COLUMN clients VARBINARY(2048);
ALTER TABLE qr_scan ADD COLUMN places VARBINARY(2048);
ALTER TABLE qr_scan ADD COLUMN clients_after_sold VARBINARY(2048);
