-- The orders search's FTS5 trigram index again (issue 15, the first import at 20,000 orders/s),
-- cheaper to keep: detail = none stores only which rows hold each trigram, not where in which
-- column, and columnsize = 0 keeps no per-row size table
-- (https://sqlite.org/fts5.html#the_detail_option, https://sqlite.org/fts5.html#the_columnsize_option).
-- Writing the index was about 40 % of an import's SQLite work; these two options cut that by about
-- a third. Without positions FTS5 cannot match a phrase, so the page asks for each of a word's
-- trigrams on its own ("smi" AND "mit" AND "ith", app/orders/order-search.ts): a superset of the
-- rows holding the word, and the page checks the search's own LIKE on them, as it always has.
-- Everything else is as migration 20261201173808_order_search made it: an external-content table
-- keyed by TrackedOrder's rowid, kept by the same triggers, secure-delete on (a redacted email
-- leaves the index at once).
DROP TRIGGER "TrackedOrder_search_insert";
DROP TRIGGER "TrackedOrder_search_delete";
DROP TRIGGER "TrackedOrder_search_update";
DROP TABLE "TrackedOrderSearch";

CREATE VIRTUAL TABLE "TrackedOrderSearch" USING fts5(
  "name", "email", "customerFirstName", "customerLastName",
  content = 'TrackedOrder', tokenize = 'trigram', detail = none, columnsize = 0
);
INSERT INTO "TrackedOrderSearch" ("TrackedOrderSearch", "rank") VALUES ('secure-delete', 1);
INSERT INTO "TrackedOrderSearch" ("TrackedOrderSearch") VALUES ('rebuild');

CREATE TRIGGER "TrackedOrder_search_insert" AFTER INSERT ON "TrackedOrder"
BEGIN
  INSERT INTO "TrackedOrderSearch" ("rowid", "name", "email", "customerFirstName", "customerLastName")
  VALUES (NEW."rowid", NEW."name", NEW."email", NEW."customerFirstName", NEW."customerLastName");
END;

CREATE TRIGGER "TrackedOrder_search_delete" AFTER DELETE ON "TrackedOrder"
BEGIN
  INSERT INTO "TrackedOrderSearch" ("TrackedOrderSearch", "rowid", "name", "email", "customerFirstName", "customerLastName")
  VALUES ('delete', OLD."rowid", OLD."name", OLD."email", OLD."customerFirstName", OLD."customerLastName");
END;

CREATE TRIGGER "TrackedOrder_search_update" AFTER UPDATE OF "name", "email", "customerFirstName", "customerLastName" ON "TrackedOrder"
WHEN OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email"
  OR OLD."customerFirstName" IS NOT NEW."customerFirstName" OR OLD."customerLastName" IS NOT NEW."customerLastName"
BEGIN
  INSERT INTO "TrackedOrderSearch" ("TrackedOrderSearch", "rowid", "name", "email", "customerFirstName", "customerLastName")
  VALUES ('delete', OLD."rowid", OLD."name", OLD."email", OLD."customerFirstName", OLD."customerLastName");
  INSERT INTO "TrackedOrderSearch" ("rowid", "name", "email", "customerFirstName", "customerLastName")
  VALUES (NEW."rowid", NEW."name", NEW."email", NEW."customerFirstName", NEW."customerLastName");
END;
