-- Trigram indexes over the accent-free search columns: "%rach gia%" and "%nguyen%" use them.
CREATE INDEX agencies_search_trgm_idx ON agencies USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX users_search_trgm_idx ON users USING gin (search_text gin_trgm_ops);
