// The treatment list covers exactly the models prisma/schema.prisma declares, read from Prisma's
// own DMMF (the client's description of the schema), so a new table fails here until someone
// decides what customers/redact and shop/redact do with it.
import { Prisma } from "@prisma/client";
import { Prisma as PostgresqlPrisma } from "@delay-desk/prisma-postgresql";
import { describe, expect, it } from "vitest";
import { MODEL_TREATMENT, POSTGRESQL_ONLY_MODEL_TREATMENT } from "./model-treatment";

const models = Prisma.dmmf.datamodel.models;
const postgresqlModels = PostgresqlPrisma.dmmf.datamodel.models;

describe("the data lifecycle's model list", () => {
  it("names every Prisma model and no model that does not exist", () => {
    expect(Object.keys(MODEL_TREATMENT).sort()).toEqual(models.map((model) => model.name).sort());
  });

  it("names every model only the PostgreSQL schema has in POSTGRESQL_ONLY_MODEL_TREATMENT", () => {
    const shared = new Set(models.map((model) => model.name));
    expect(Object.keys(POSTGRESQL_ONLY_MODEL_TREATMENT).sort()).toEqual(
      postgresqlModels
        .map((model) => model.name)
        .filter((name) => !shared.has(name))
        .sort(),
    );
  });

  it("every model has a shop column, so shop/redact can find the shop's rows", () => {
    const withoutShop = [...models, ...postgresqlModels].filter(
      (model) => !model.fields.some((field) => field.name === "shop" && field.type === "String"),
    );
    expect(withoutShop.map((model) => model.name)).toEqual([]);
  });

  it("every model's treatment gives its reason", () => {
    for (const [name, treatment] of Object.entries({
      ...MODEL_TREATMENT,
      ...POSTGRESQL_ONLY_MODEL_TREATMENT,
    }))
      expect(treatment.reason.length, name).toBeGreaterThan(20);
  });
});
