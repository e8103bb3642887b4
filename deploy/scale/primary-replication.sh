#!/bin/bash
# The scale profile's primary (docker-compose.yml, db-primary), at its first start only (run by the
# postgres image from /docker-entrypoint-initdb.d): the replication role the replica's pg_basebackup
# and streaming use, and the pg_hba.conf line that lets it connect from the compose network.
set -euo pipefail
: "${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD (docker-compose.yml, profile scale)}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v user="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"user" WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication ${REPLICATION_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
