#!/usr/bin/env bash
# Writes a migration for the changes to prisma/schema.prisma since the last commit, for SQLite
# (prisma/migrations) and PostgreSQL (prisma/postgresql/migrations), with the same name:
#   bash scripts/new-migration.sh add_something
# It also rewrites prisma/postgresql/schema.prisma (derived from prisma/schema.prisma) and
# regenerates both clients. `prisma migrate dev` cannot run offline, so each migration is the
# `prisma migrate diff` between the committed schema and the working one (scripts/new-migration.ts
# says how). The PostgreSQL one needs PostgreSQL's binaries (apt-get install postgresql) or
# MIGRATION_POSTGRESQL_URL. Review both SQL files, then commit the schemas and migrations together;
# scripts/provider-schemas.test.ts checks that each folder gives exactly its schema.
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx tsx scripts/new-migration.ts "${1:?usage: scripts/new-migration.sh <name>}"
