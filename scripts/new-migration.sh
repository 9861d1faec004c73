#!/usr/bin/env bash
# Writes a migration for the changes to prisma/schema.prisma since the last commit:
#   bash scripts/new-migration.sh add_something
# `prisma migrate dev` cannot run offline, and `migrate diff --from-migrations` needs a shadow
# database the JS engine cannot provide, so the diff is taken between the committed schema and
# the working one. Review the SQL, then commit the schema and the migration together.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/new-migration.sh <name>}"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
old=$(mktemp --suffix=.prisma)
trap 'rm -f "$old"' EXIT
git show HEAD:prisma/schema.prisma > "$old"
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
