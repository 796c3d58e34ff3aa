// The infusion plan check at, just under and just over every limit, with the clinic's defaults.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "infusion_plan.hpp"

using namespace kiosk::screening;

namespace {

const LimitCheck& check_of(const PlanCheck& p, const std::string& limit) {
    for (const LimitCheck& c : p.checks) {
        if (c.limit == limit) return c;
    }
    throw std::runtime_error("no check " + limit);
}

bool within(double grams, double minutes, const std::string& limit, double earlier = 0, bool kidney = false) {
    const PlanCheck p = check_infusion_plan({grams, minutes, earlier, kidney}, InfusionLimits{});
    REQUIRE(p.valid);
    const LimitCheck& c = check_of(p, limit);
    REQUIRE(c.applies);
    return c.within;
}

}  // namespace

TEST_CASE("the clinic's usual plan, 1 g over 60 minutes, is within every limit") {
    const PlanCheck p = check_infusion_plan({1, 60, 0, false}, InfusionLimits{});
    CHECK(p.within_limits);
    CHECK(p.summary() == "within every limit");
    CHECK_FALSE(check_of(p, "bolus_grams").applies);
    CHECK_FALSE(check_of(p, "grams_48h_kidney").applies);
}

TEST_CASE("at most 3 g per hour for an infusion of an hour or more") {
    CHECK(within(2.99, 60, "grams_per_hour"));
    CHECK(within(3, 60, "grams_per_hour"));
    CHECK_FALSE(within(3.01, 60, "grams_per_hour"));
    CHECK(within(6, 120, "grams_per_hour"));
    CHECK_FALSE(within(6.1, 120, "grams_per_hour"));
}

TEST_CASE("a bolus (under an hour): at most 6 g, over at least 15 minutes") {
    CHECK(within(5.99, 50, "bolus_grams"));
    CHECK(within(6, 50, "bolus_grams"));
    CHECK_FALSE(within(6.01, 50, "bolus_grams"));
    CHECK(within(1, 15.01, "bolus_minutes"));
    CHECK(within(1, 15, "bolus_minutes"));
    CHECK_FALSE(within(1, 14.99, "bolus_minutes"));
}

TEST_CASE("at most 150 mg a minute, whatever the length") {
    CHECK(within(1.49, 10, "mg_per_minute"));
    CHECK(within(1.5, 10, "mg_per_minute"));
    CHECK_FALSE(within(1.51, 10, "mg_per_minute"));
    CHECK(within(9, 60, "mg_per_minute"));
    CHECK_FALSE(within(9.01, 60, "mg_per_minute"));
}

TEST_CASE("at most 20 g in 48 hours when kidney disease was reported, not checked otherwise") {
    CHECK(within(1, 60, "grams_48h_kidney", 18.99, true));
    CHECK(within(1, 60, "grams_48h_kidney", 19, true));
    CHECK_FALSE(within(1, 60, "grams_48h_kidney", 19.01, true));
    const PlanCheck no_kidney = check_infusion_plan({1, 60, 30, false}, InfusionLimits{});
    CHECK(no_kidney.within_limits);
    const PlanCheck kidney = check_infusion_plan({1, 60, 30, true}, InfusionLimits{});
    CHECK_FALSE(kidney.within_limits);
    CHECK(kidney.summary() == "outside: grams_48h_kidney 31 beyond 20");
}

TEST_CASE("a plan breaking several limits names each, nonsense is not a plan, the clinic's limits apply") {
    const PlanCheck p = check_infusion_plan({8, 10, 0, false}, InfusionLimits{});
    CHECK_FALSE(p.within_limits);
    CHECK(p.summary() == "outside: bolus_grams 8 beyond 6, bolus_minutes 10 beyond 15, mg_per_minute 800 beyond 150");
    for (const InfusionPlan bad : {InfusionPlan{0, 60, 0, false}, InfusionPlan{1, 0, 0, false}, InfusionPlan{-1, 60, 0, false},
                                   InfusionPlan{1, 60, -2, false}, InfusionPlan{std::nan(""), 60, 0, false}}) {
        const PlanCheck c = check_infusion_plan(bad, InfusionLimits{});
        CHECK_FALSE(c.valid);
        CHECK_FALSE(c.within_limits);
    }
    InfusionLimits stricter;
    stricter.max_grams_per_hour = 2;
    CHECK_FALSE(check_infusion_plan({2.5, 60, 0, false}, stricter).within_limits);
}
