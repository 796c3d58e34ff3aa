#include "infusion_plan.hpp"

#include <cmath>
#include <cstdio>

namespace kiosk::screening {

namespace {

// Limits are compared with a tolerance of a millionth, so that 3 g over 60 minutes is exactly at
// the limit however the division rounds.
bool at_most(double value, double limit) { return value <= limit * (1 + 1e-9); }
bool at_least(double value, double limit) { return value >= limit * (1 - 1e-9); }

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

PlanCheck check_infusion_plan(const InfusionPlan& plan, const InfusionLimits& limits) {
    PlanCheck out;
    const bool finite = std::isfinite(plan.grams) && std::isfinite(plan.minutes) && std::isfinite(plan.grams_last_48h);
    if (!finite || plan.grams <= 0 || plan.minutes <= 0 || plan.grams_last_48h < 0) {
        out.valid = false;
        return out;
    }
    const bool bolus = plan.minutes < 60;
    const double per_hour = plan.grams / (plan.minutes / 60);
    const double mg_per_minute = plan.grams * 1000 / plan.minutes;
    const double total_48h = plan.grams_last_48h + plan.grams;
    out.checks = {
        {"grams_per_hour", !bolus, at_most(per_hour, limits.max_grams_per_hour), per_hour, limits.max_grams_per_hour},
        {"bolus_grams", bolus, at_most(plan.grams, limits.max_bolus_grams), plan.grams, limits.max_bolus_grams},
        {"bolus_minutes", bolus, at_least(plan.minutes, limits.min_bolus_minutes), plan.minutes, limits.min_bolus_minutes},
        {"mg_per_minute", true, at_most(mg_per_minute, limits.max_mg_per_minute), mg_per_minute, limits.max_mg_per_minute},
        {"grams_48h_kidney", plan.kidney_disease, at_most(total_48h, limits.max_grams_48h_kidney), total_48h, limits.max_grams_48h_kidney},
    };
    out.within_limits = true;
    for (const LimitCheck& c : out.checks) {
        if (c.applies && !c.within) out.within_limits = false;
    }
    return out;
}

std::string PlanCheck::summary() const {
    if (!valid) return "not a valid plan";
    std::string broken;
    for (const LimitCheck& c : checks) {
        if (c.applies && !c.within) broken += (broken.empty() ? "" : ", ") + c.limit + " " + number(c.planned) + " beyond " + number(c.allowed);
    }
    return within_limits ? "within every limit" : "outside: " + broken;
}

}  // namespace kiosk::screening
