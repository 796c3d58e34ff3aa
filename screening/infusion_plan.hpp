#pragma once
// The infusion plan check: staff enter the planned dose of magnesium sulfate and its duration, and
// the kiosk compares them with the clinic's limits. A checklist for staff, not a prescription: it
// never says a plan is right for a patient, only which limit a plan passes or breaks.
//
// Defaults from the brochure and the US label for magnesium sulfate in water for injection:
//   at most 3 g per hour as a continuous infusion (plans of an hour or more);
//   a bolus (a plan shorter than an hour) at most 6 g, over at least 15 minutes;
//   at most 150 mg per minute at any time;
//   at most 20 g in 48 hours when kidney disease was reported (severe renal impairment).
// Each limit is checked on its own; a plan passes only when it meets every one that applies.
#include <string>
#include <vector>

namespace kiosk::screening {

struct InfusionLimits {
    double max_grams_per_hour = 3;
    double max_bolus_grams = 6;
    double min_bolus_minutes = 15;
    double max_mg_per_minute = 150;
    double max_grams_48h_kidney = 20;
};

struct InfusionPlan {
    double grams = 0;             // magnesium sulfate in this infusion
    double minutes = 0;           // over how long
    double grams_last_48h = 0;    // already given in the 48 hours before (staff enter it)
    bool kidney_disease = false;  // the submission reported kidney disease, or was not sure
};

struct LimitCheck {
    std::string limit;   // "grams_per_hour", "bolus_grams", "bolus_minutes", "mg_per_minute", "grams_48h_kidney"
    bool applies = true; // false: not for this plan (a bolus limit for an hour-long infusion)
    bool within = true;
    double planned = 0;  // in the limit's unit
    double allowed = 0;
};

struct PlanCheck {
    bool valid = true;           // false: a dose or duration of zero or less, or not a number
    bool within_limits = false;  // valid and every applicable limit met
    std::vector<LimitCheck> checks;

    // "1 g over 60 min: within every limit" / "... over: mg_per_minute 200 > 150": for the audit.
    std::string summary() const;
};

PlanCheck check_infusion_plan(const InfusionPlan& plan, const InfusionLimits& limits);

}  // namespace kiosk::screening
