// The one doctest main for every suite (each suite is a separate executable linked with this).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
