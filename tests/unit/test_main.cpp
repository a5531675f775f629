#define BOOST_TEST_MODULE attune
#include <boost/test/unit_test.hpp>
