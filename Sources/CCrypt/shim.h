// libxcrypt (Debian's libcrypt-dev): bcrypt hashing and checking with a caller-owned buffer.
#include <crypt.h>
