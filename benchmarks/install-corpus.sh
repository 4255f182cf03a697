#!/usr/bin/env bash
# Install the Debian Go source packages the benchmark and the precision study read.
# Nothing installed here belongs in the repo. Usage: benchmarks/install-corpus.sh [small|full]
set -euo pipefail
small="golang-1.19-src golang-github-gomodule-redigo-dev golang-github-rabbitmq-amqp091-go-dev
golang-google-grpc-dev golang-github-jmoiron-sqlx-dev golang-github-lib-pq-dev
golang-github-go-sql-driver-mysql-dev golang-github-gin-gonic-gin-dev golang-github-prometheus-client-golang-dev"
full="$small golang-github-docker-docker-dev golang-etcd-server-dev golang-github-containerd-containerd-dev
golang-github-syncthing-syncthing-dev golang-mongodb-mongo-driver-dev golang-github-influxdb-influxdb-dev
golang-github-hashicorp-raft-dev golang-github-hashicorp-serf-dev golang-github-hashicorp-memberlist-dev
golang-github-prometheus-alertmanager-dev golang-github-rclone-rclone-dev golang-github-snapcore-snapd-dev"
pkgs=$small; [ "${1:-full}" = full ] && pkgs=$full
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
echo /usr/share/go-1.19/src
echo /usr/share/gocode/src
