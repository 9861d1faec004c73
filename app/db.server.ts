// The app's one Prisma client, as routes import it: the composition root's
// (app/services.server.ts), on the database DATABASE_URL names: SQLite (`file:`, the embedded
// default) or PostgreSQL (`postgresql://`, production). See app/prisma-client.server.ts.
import type { PrismaClient } from "@prisma/client";
import { appServices } from "./services.server";

const prisma: PrismaClient = appServices().db;

export default prisma;
