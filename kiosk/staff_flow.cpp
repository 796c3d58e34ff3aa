#include "staff_flow.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <nlohmann/json.hpp>

#include "export_folder.hpp"
#include "number_text.hpp"
#include "screen_reading.hpp"
#include "submission_export.hpp"

namespace kiosk::app {

namespace {

constexpr std::size_t longest_number = 10;
constexpr std::size_t longest_pin = 12;
constexpr std::size_t longest_note = 200;
constexpr std::size_t longest_plan_field = 6;
constexpr int queue_page = 50;

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string utc_stamp(std::int64_t t, const char* format) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

double parse_field(const std::string& s) {
    if (s.empty() || s == ".") return 0;
    try {
        return std::stod(s);
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

StaffFlow::StaffFlow(const screening::KioskBundle& bundle, store::SubmissionStore& store, const KioskConfig& config)
    : bundle_(bundle), store_(store), config_(config), text_(bundle.content.bundle, config.staff_locale) {}

void StaffFlow::say(const std::string& key, std::span<const content::MessageArgument> args) {
    message_ = key.empty() ? std::string() : text_.text(key, args);
}

void StaffFlow::begin(double now, std::optional<std::string> urgent_ticket) {
    active_ = true;
    last_touch_ = now;
    screen_ = StaffScreen::sign_in;
    entering_pin_ = false;
    number_.clear();
    pin_.clear();
    message_.clear();
    urgent_ticket_ = std::move(urgent_ticket);
    acknowledged_urgent_.reset();
}

void StaffFlow::apply(const StaffIntent& intent, double now) {
    if (!active_) return;
    last_touch_ = now;
    using Kind = StaffIntent::Kind;
    if (intent.kind == Kind::touch) return;
    if (intent.kind == Kind::sign_out) {
        sign_out("signed out");
        return;
    }
    switch (screen_) {
        case StaffScreen::sign_in: {
            std::string& field = entering_pin_ ? pin_ : number_;
            const std::size_t longest = entering_pin_ ? longest_pin : longest_number;
            if (intent.kind == Kind::key) {
                if (intent.text == "delete") {
                    if (!field.empty()) field.pop_back();
                } else if (intent.text.size() == 1 && intent.text[0] >= '0' && intent.text[0] <= '9' && field.size() < longest) {
                    field += intent.text;
                }
            } else if (intent.kind == Kind::ok) {
                if (!entering_pin_ && !number_.empty()) {
                    entering_pin_ = true;
                    message_.clear();
                } else if (entering_pin_ && !pin_.empty()) {
                    sign_in(now);
                }
            } else if (intent.kind == Kind::cancel || intent.kind == Kind::back) {
                if (entering_pin_) {
                    entering_pin_ = false;
                    std::fill(pin_.begin(), pin_.end(), '\0');
                    pin_.clear();
                } else {
                    sign_out("cancelled");
                }
            }
            break;
        }
        case StaffScreen::queue:
            if (intent.kind == Kind::open) open(intent.id);
            else if (intent.kind == Kind::export_recent) {
                const std::int64_t t = unix_now();
                write_export({}, utc_stamp(t - 7 * 24 * 3600, "%Y-%m-%dT%H:%M:%SZ"), utc_stamp(t + 60, "%Y-%m-%dT%H:%M:%SZ"));
            } else if (intent.kind == Kind::back) {
                load_queue();
            }
            break;
        case StaffScreen::detail:
            if (intent.kind == Kind::back) {
                submission_.reset();
                note_.clear();
                load_queue();
            } else if (intent.kind == Kind::write_note) {
                screen_ = StaffScreen::note;
            } else if (intent.kind == Kind::check_plan) {
                screen_ = StaffScreen::plan;
                plan_result_.reset();
                message_.clear();
            } else if (intent.kind == Kind::export_this && submission_) {
                write_export({submission_->id}, {}, {});
            } else if (intent.kind == Kind::acknowledge && submission_ && !submission_->acknowledged) {
                if (const auto e = store_.acknowledge(*session_, submission_->id, note_)) {
                    const std::vector<content::MessageArgument> args = {{"problem", e->message}};
                    say("staff.detail.cannot_acknowledge", args);
                } else {
                    if (urgent_ticket_ && submission_->ticket == *urgent_ticket_) acknowledged_urgent_ = urgent_ticket_;
                    note_.clear();
                    open(submission_->id);  // read back: who and when
                    say("staff.detail.done");
                }
            }
            break;
        case StaffScreen::note:
            if (intent.kind == Kind::letter) {
                if (intent.text == "delete") {
                    // Whole characters: never leave half of a UTF-8 sequence.
                    while (!note_.empty() && (static_cast<unsigned char>(note_.back()) & 0xC0U) == 0x80U) note_.pop_back();
                    if (!note_.empty()) note_.pop_back();
                } else if (note_.size() + intent.text.size() <= longest_note) {
                    note_ += intent.text;
                }
            } else if (intent.kind == Kind::ok || intent.kind == Kind::back) {
                screen_ = StaffScreen::detail;
            }
            break;
        case StaffScreen::plan:
            if (intent.kind == Kind::plan_field && intent.index < plan_fields_.size()) {
                plan_field_ = intent.index;
            } else if (intent.kind == Kind::key) {
                std::string& field = plan_fields_[plan_field_];
                if (intent.text == "delete") {
                    if (!field.empty()) field.pop_back();
                } else if (intent.text == ".") {
                    if (field.find('.') == std::string::npos && field.size() < longest_plan_field) field += field.empty() ? "0." : ".";
                } else if (intent.text.size() == 1 && intent.text[0] >= '0' && intent.text[0] <= '9' && field.size() < longest_plan_field) {
                    field = field == "0" ? intent.text : field + intent.text;
                }
                plan_result_.reset();
            } else if (intent.kind == Kind::run_plan_check || intent.kind == Kind::ok) {
                const screening::InfusionPlan plan{parse_field(plan_fields_[0]), parse_field(plan_fields_[1]), parse_field(plan_fields_[2]),
                                                   kidney_disease()};
                plan_result_ = screening::check_infusion_plan(plan, config_.infusion_limits);
                char detail[160];
                std::snprintf(detail, sizeof detail, "%g g over %g min (%g g in the 48 h before, kidney disease %s): ", plan.grams, plan.minutes,
                              plan.grams_last_48h, plan.kidney_disease ? "reported" : "not reported");
                message_.clear();
                if (submission_) {
                    if (const auto e = store_.record_plan_check(*session_, submission_->id, detail + plan_result_->summary())) {
                        const std::vector<content::MessageArgument> args = {{"problem", e->message}};
                        say("staff.plan.not_recorded", args);
                    }
                }
            } else if (intent.kind == Kind::back) {
                screen_ = StaffScreen::detail;
            }
            break;
    }
}

void StaffFlow::sign_in(double now) {
    using Kind = store::SignInResult::Kind;
    const store::SignInResult r = store_.sign_in(number_, pin_);
    // The PIN leaves memory as soon as it was checked.
    std::fill(pin_.begin(), pin_.end(), '\0');
    pin_.clear();
    switch (r.kind) {
        case Kind::ok:
            session_ = r.session;
            number_.clear();
            entering_pin_ = false;
            message_.clear();
            last_touch_ = now;
            load_queue();
            if (urgent_ticket_) {
                const auto it = std::find_if(queue_.begin(), queue_.end(), [&](const store::QueueEntry& e) { return e.ticket == *urgent_ticket_; });
                if (it != queue_.end()) open(it->id);
            }
            return;
        case Kind::wrong_pin:
        case Kind::unknown_staff:
        case Kind::wait: {
            // Never says whether the number exists.
            const std::vector<content::MessageArgument> args = {{"seconds", static_cast<std::int64_t>(r.wait_seconds)}};
            say(r.wait_seconds > 0 ? "staff.sign_in.wait" : "staff.sign_in.wrong", args);
            break;
        }
        case Kind::locked: say("staff.sign_in.locked"); break;
        case Kind::fault: say("staff.sign_in.fault"); break;
    }
    entering_pin_ = r.kind == Kind::wait;  // the same number, a new PIN
    if (r.kind != Kind::wait) number_.clear();
}

void StaffFlow::sign_out(const char* why) {
    if (session_) store_.record_sign_out(*session_, why);
    session_.reset();
    active_ = false;
    screen_ = StaffScreen::sign_in;
    std::fill(pin_.begin(), pin_.end(), '\0');
    pin_.clear();
    number_.clear();
    note_.clear();
    message_.clear();
    queue_.clear();
    submission_.reset();
    detail_answers_.clear();
    detail_rules_.clear();
    plan_result_.reset();
    plan_fields_ = {"1", "60", "0"};
}

void StaffFlow::tick(double now) {
    if (active_ && now - last_touch_ >= config_.staff_idle_seconds) sign_out("idle");
}

double StaffFlow::seconds_until_sign_out(double now) const {
    return active_ ? std::max(0.0, config_.staff_idle_seconds - (now - last_touch_)) : 1e9;
}

void StaffFlow::load_queue() {
    screen_ = StaffScreen::queue;
    auto q = store_.staff_queue(*session_, queue_page);
    if (const auto* e = std::get_if<store::SqliteError>(&q)) {
        queue_.clear();
        const std::vector<content::MessageArgument> args = {{"problem", e->message}};
        queue_fault_ = text_.text("staff.queue.cannot_read", args);
    } else {
        queue_ = std::get<std::vector<store::QueueEntry>>(std::move(q));
        queue_fault_.clear();
    }
}

void StaffFlow::open(std::int64_t id) {
    auto v = store_.view(*session_, id);
    if (auto* s = std::get_if<store::StoredSubmission>(&v)) {
        submission_ = std::move(*s);
        screen_ = StaffScreen::detail;
        message_.clear();
        build_detail();
        return;
    }
    if (std::holds_alternative<store::NotFound>(v)) {
        say("staff.detail.not_found");
    } else {
        const std::vector<content::MessageArgument> args = {{"problem", std::get<store::SqliteError>(v).message}};
        say("staff.queue.cannot_read", args);
    }
}

void StaffFlow::build_detail() {
    detail_answers_.clear();
    detail_rules_.clear();
    const screening::Questionnaire& questionnaire = bundle_.screening.questionnaire;
    const content::LocalizedText patient(bundle_.content.bundle, submission_->locale);
    const bool same_language = patient.locale().tag == text_.locale().tag;
    const auto answer_words = [&](const content::LocalizedText& t, const screening::Question& q, const nlohmann::json& a) {
        if (a.is_null()) return t.text("staff.detail.not_answered");
        if (a.is_number()) return content::format_number(t.locale().tag, a.get<double>(), q.unit);
        std::vector<std::string> options = a.is_array() ? a.get<std::vector<std::string>>() : std::vector<std::string>{a.get<std::string>()};
        std::string out;
        for (const std::string& o : options) out += (out.empty() ? "" : std::string(answer_separator)) + t.text(screening::option_text_key(q, o));
        return out;
    };
    const auto line = [&](const screening::Question& q, const nlohmann::json& a) {
        DetailAnswer d{text_.text(screening::question_text_key(q)), answer_words(text_, q, a), {}};
        if (!same_language && !a.is_null()) d.patient_answer = answer_words(patient, q, a);
        return d;
    };
    const nlohmann::json answers = nlohmann::json::parse(submission_->answers_json, nullptr, false);
    for (const screening::Question& q : questionnaire.questions) {
        if (answers.is_object() && answers.contains(q.id)) detail_answers_.push_back(line(q, answers[q.id]));
    }
    for (const store::FiredRuleRecord& f : submission_->fired) {
        DetailRule r{f.rule_id, f.severity, {}, f.source, {}};
        const auto rule = std::find_if(bundle_.screening.rules.begin(), bundle_.screening.rules.end(), [&](const screening::Rule& x) { return x.id == f.rule_id; });
        const std::string key = rule != bundle_.screening.rules.end() ? rule->staff_rationale_key
                                : f.rule_id == screening::unknown_safety_answer_rule_id ? bundle_.screening.unknown_safety_answer.staff_rationale_key
                                                                                        : std::string();
        r.rationale = key.empty() ? f.rule_id : text_.text(key);
        const nlohmann::json cited = nlohmann::json::parse(f.answers_json, nullptr, false);
        if (cited.is_object()) {
            for (const auto& [question, value] : cited.items()) {
                const auto index = questionnaire.index_of(question);
                if (index) r.answers.push_back(line(questionnaire.questions[*index], value));
            }
        }
        detail_rules_.push_back(std::move(r));
    }
}

bool StaffFlow::kidney_disease() const {
    if (!submission_) return false;
    // Anything but a clear "no" counts: a missing or unsure answer is routed higher, here too.
    const nlohmann::json answers = nlohmann::json::parse(submission_->answers_json, nullptr, false);
    return !(answers.is_object() && answers.contains("kidney") && answers["kidney"] == "no");
}

void StaffFlow::write_export(const std::vector<std::int64_t>& ids, const std::string& from, const std::string& to) {
    auto rows = store_.submissions_for_export(*session_, ids, from, to);
    if (const auto* e = std::get_if<store::SqliteError>(&rows)) {
        const std::vector<content::MessageArgument> args = {{"problem", e->message}};
        say("staff.export.failed", args);
        return;
    }
    const auto& list = std::get<std::vector<store::StoredSubmission>>(rows);
    const std::string name = "kiosk-export-" + config_.kiosk_id + "-" + utc_stamp(unix_now(), "%Y%m%d-%H%M%S");
    // Question and answer texts in the staff member's language, as on their screen.
    auto mark = store_.audit_mark();
    if (const auto* e = std::get_if<store::SqliteError>(&mark)) {
        const std::vector<content::MessageArgument> args = {{"problem", e->message}};
        say("staff.export.failed", args);
        return;
    }
    const auto written = screening::write_export_folder(
        config_.export_folder, name,
        screening::export_files(list, bundle_.screening, text_, config_.fhir_canonical_url, std::get<store::AuditMark>(mark)));
    if (const auto* problem = std::get_if<std::string>(&written)) {
        const std::vector<content::MessageArgument> args = {{"problem", *problem}};
        say("staff.export.failed", args);
        return;
    }
    const std::string folder = std::get<std::filesystem::path>(written).string();
    if (const auto e = store_.record_export(*session_, list.size(), folder)) {
        const std::vector<content::MessageArgument> args = {{"problem", e->message}};
        say("staff.export.not_recorded", args);
        return;
    }
    const std::vector<content::MessageArgument> args = {{"count", static_cast<std::int64_t>(list.size())}, {"folder", folder}};
    say("staff.export.done", args);
}

std::optional<long> StaffFlow::minutes_between(const std::string& iso_utc, std::int64_t now_unix) {
    std::tm tm{};
    if (iso_utc.size() < 19 || !strptime(iso_utc.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return std::nullopt;
    const std::int64_t then = static_cast<std::int64_t>(timegm(&tm));
    return static_cast<long>(std::max<std::int64_t>(0, now_unix - then) / 60);
}

}  // namespace kiosk::app
