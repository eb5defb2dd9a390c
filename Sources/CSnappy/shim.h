// Debian's libsnappy-dev (installed by scripts/install-deps.sh): Snappy's C API, for the
// compressed records of Prometheus's WAL and, later, remote-write bodies.
#include <snappy-c.h>
