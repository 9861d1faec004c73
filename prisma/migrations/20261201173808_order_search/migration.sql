-- The orders page's search (issue 15): every word of the query must occur in the order's name,
-- email or the customer's first or last name (LIKE '%word%', app/orders/list-orders.server.ts).
-- A LIKE with a leading % reads every row of the shop. This FTS5 index with the trigram tokenizer
-- finds the rows holding a piece of text of 3 characters or more
-- (https://sqlite.org/fts5.html#the_trigram_tokenizer), and the page then checks the same LIKE on
-- those rows only, so the answer is the LIKE's.
--
-- An external-content table (https://sqlite.org/fts5.html#external_content_tables): it keeps no
-- copy of the text, only the index, keyed by TrackedOrder's rowid, kept by the triggers below on
-- every write, whoever makes it (like the ShopOrderSummary triggers). The rowid of a table without
-- an INTEGER PRIMARY KEY can change with VACUUM or when a migration rebuilds the table
-- (https://sqlite.org/rowidtable.html): such a migration must end with the 'rebuild' below.
-- secure-delete (https://sqlite.org/fts5.html#the_secure_delete_configuration_option) removes a
-- deleted or changed row's entries from the index at once instead of leaving them until a merge:
-- customers/redact clears the email and names, and the index forgets them in the same statement.
-- Triggers fire on name, email and names only, and only when one changed, so the reforecast's
-- updates and an import that changes nothing searchable leave the index alone.
CREATE VIRTUAL TABLE "TrackedOrderSearch" USING fts5(
  "name", "email", "customerFirstName", "customerLastName",
  content = 'TrackedOrder', tokenize = 'trigram'
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
