#!/usr/bin/env bash
# The office's database server for Renshe Desk (Debian 12, UOS, Kylin), run once as root:
#   sudo bash installer/server-setup.sh [--database renshe] [--owner renshe_owner] [--desk renshe_desk]
#                                       [--network 192.168.0.0/16]
# Installs PostgreSQL from the distribution, creates the database and two roles, lets the
# office network in (password, scram-sha-256), then prints what the desks type into
# 系统管理 → 数据库连接, and the line the administrator runs `db upgrade` with.
#   owner role: owns the tables; used only by `python main.py db upgrade --db …`.
#   desks' role: reads and writes rows, takes sequence numbers; cannot create, alter or drop
#                a table (it owns none; PostgreSQL 15 lets only the owner create in `public`).
# Running it again keeps the roles and the data, and gives both roles new passwords.
set -euo pipefail

database=renshe
owner=renshe_owner
desk=renshe_desk
network=""
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="$2"; shift 2 ;;
    --owner) owner="$2"; shift 2 ;;
    --desk) desk="$2"; shift 2 ;;
    --network) network="$2"; shift 2 ;;
    *) echo "usage: $0 [--database NAME] [--owner ROLE] [--desk ROLE] [--network CIDR]" >&2; exit 2 ;;
  esac
done
for name in "$database" "$owner" "$desk"; do
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "server-setup: names are lower-case letters, digits and _: $name" >&2; exit 2; }
done
[ "$(id -u)" -eq 0 ] || { echo "server-setup: run as root (sudo bash $0)" >&2; exit 1; }
cd /  # psql runs as postgres, who may not enter the folder this was started from

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "server-setup: installing PostgreSQL from the distribution" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# The distribution's cluster (Debian creates one named main); start it if it is down.
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >/dev/null
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -1)
fi
conf_dir=/etc/postgresql/$version/$cluster

# The office network may connect, with a password; the default network is this host's own.
if [ -z "$network" ]; then
  address=$(hostname -I 2>/dev/null | awk '{print $1}')
  network="${address:-127.0.0.1}/24"
  [ -n "$address" ] || network=127.0.0.1/32
fi
rule="host $database $desk,$owner $network scram-sha-256"
grep -qxF "$rule" "$conf_dir/pg_hba.conf" || echo "$rule" >>"$conf_dir/pg_hba.conf"
if [ "$status" != online ]; then
  pg_ctlcluster "$version" "$cluster" start
fi

secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }
owner_password=$(secret)
desk_password=$(secret)

as_postgres() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
as_postgres -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$owner') THEN CREATE ROLE $owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$desk') THEN CREATE ROLE $desk LOGIN; END IF;
END \$\$;
SET password_encryption = 'scram-sha-256';
ALTER ROLE $owner PASSWORD '$owner_password';
ALTER ROLE $desk PASSWORD '$desk_password';
ALTER SYSTEM SET listen_addresses = '*';
SQL
if ! as_postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  as_postgres -d postgres -c "CREATE DATABASE $database OWNER $owner ENCODING 'UTF8' TEMPLATE template0"
fi
# The same grants as app/store/postgres.py desk_grants: rows yes, tables no; the default
# privileges give the desks the same on every table a later `db upgrade` creates.
as_postgres -d "$database" <<SQL
REVOKE ALL ON DATABASE $database FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE $database TO $desk, $owner;
GRANT USAGE ON SCHEMA public TO $desk;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO $desk;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO $desk;
ALTER DEFAULT PRIVILEGES FOR ROLE $owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO $desk;
ALTER DEFAULT PRIVILEGES FOR ROLE $owner IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO $desk;
SQL
pg_ctlcluster "$version" "$cluster" restart  # listen_addresses needs a restart

host=$(hostname -I 2>/dev/null | awk '{print $1}')
host=${host:-127.0.0.1}
cat <<EOF
PostgreSQL $version is ready: database $database on $host, port $port (network $network may connect).

1. Create or upgrade the tables (the owner's account; again after each program update):
   python main.py db upgrade --db 'postgresql+psycopg://$owner:$owner_password@$host:$port/$database'

2. On each desk, 系统管理 → 数据库连接 → 连接服务器:
   主机 $host   端口 $port   数据库 $database   用户名 $desk   密码 $desk_password
   (the same as --db 'postgresql+psycopg://$desk:$desk_password@$host:$port/$database')

Write both passwords down now: they are not stored anywhere on this server in clear.
Backups: python main.py backup create --db 'postgresql+psycopg://$owner:…@$host:$port/$database' (pg_dump).
EOF
