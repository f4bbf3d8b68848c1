#!/bin/bash
# Container health check without curl or wget: one HTTP/1.0 request over bash's /dev/tcp
# to the Spring Boot readiness group. Exits 0 only on an HTTP 200 answer.
set -u
port="${SERVER_PORT:-8080}"
path="${HEALTHCHECK_PATH:-/actuator/health/readiness}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
read -r -t 4 status_line <&3 || exit 1
exec 3<&-
case "${status_line}" in
	"HTTP/1."?" 200"*) exit 0 ;;
	*) exit 1 ;;
esac
