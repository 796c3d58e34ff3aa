#pragma once
// The staff mode: what a nurse does at the kiosk, apart from the patient's flow. Sign in with a
// staff number and PIN on a keypad; the queue (urgent, stop, caution first); one submission with
// why it was flagged; acknowledge it (with a note typed on an on-screen keyboard); check the
// infusion plan against the clinic's limits; export. Screens read this and hand back a
// StaffIntent; only this class acts, so every step is tested without a window. A staff session
// ends on Sign out, or by itself after `staff_idle_seconds` without a touch.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "infusion_plan.hpp"
#include "kiosk_bundle.hpp"
#include "kiosk_config.hpp"
#include "localized_text.hpp"
#include "submission_store.hpp"

namespace kiosk::app {

enum class StaffScreen { sign_in, queue, detail, plan, note };

struct StaffIntent {
    enum class Kind {
        key,          // text = "0"…"9", "." or "delete": the keypad (sign-in, plan fields)
        letter,       // text = one character, or "delete": the note keyboard
        ok,           // the keypad's OK: next field, or sign in
        cancel,       // leave the keypad (back to the patient screen)
        open,         // id = submission
        back,
        acknowledge,  // the submission on screen, with the note typed so far
        write_note,
        check_plan,   // open the plan check for the submission on screen
        plan_field,   // index = which field (0 dose, 1 minutes, 2 grams in the last 48 h)
        run_plan_check,
        export_recent,  // the queue: the last 7 days
        export_this,    // the detail: the submission on screen
        sign_out,
        touch,        // a finger on the screen: the session stays alive, nothing else
    };
    StaffIntent(Kind k, std::string t = {}, std::int64_t submission = 0, std::size_t i = 0)
        : kind(k), text(std::move(t)), id(submission), index(i) {}
    Kind kind;
    std::string text;
    std::int64_t id = 0;
    std::size_t index = 0;
};

// One line of the detail: a question in the staff member's language, the answer in it, and the
// answer as the patient read it (when the patient's language is another).
struct DetailAnswer {
    std::string question;
    std::string answer;
    std::string patient_answer;  // empty when the same language
};

struct DetailRule {
    std::string rule_id;
    screening::Severity severity = screening::Severity::info;
    std::string rationale;  // the staff text, in the staff member's language
    std::string source;
    std::vector<DetailAnswer> answers;  // the answers that made it fire ("Not answered" included)
};

class StaffFlow {
public:
    StaffFlow(const screening::KioskBundle& bundle, store::SubmissionStore& store, const KioskConfig& config);

    // The hidden gesture: the keypad for the staff number. `urgent_ticket`: the patient screen
    // showed an urgent result; once signed in, its submission opens first.
    void begin(double now, std::optional<std::string> urgent_ticket = std::nullopt);
    bool active() const { return active_; }
    void apply(const StaffIntent& intent, double now);
    // Signs out after staff_idle_seconds without a touch.
    void tick(double now);
    double seconds_until_sign_out(double now) const;
    // The urgent ticket the staff member acknowledged in this session (the patient screen may end).
    const std::optional<std::string>& acknowledged_urgent() const { return acknowledged_urgent_; }

    StaffScreen screen() const { return screen_; }
    const content::LocalizedText& text() const { return text_; }
    const std::optional<store::StaffSession>& session() const { return session_; }

    // Sign-in: which field the keypad fills, what is typed (the PIN shown as dots), the message.
    bool entering_pin() const { return entering_pin_; }
    const std::string& staff_number() const { return number_; }
    std::size_t pin_length() const { return pin_.size(); }
    const std::string& message() const { return message_; }  // a text key's formatted words, or empty

    // The queue, or why it cannot be read (never an empty list for a fault).
    const std::vector<store::QueueEntry>& queue() const { return queue_; }
    const std::string& queue_fault() const { return queue_fault_; }

    // The submission open (detail, note, plan).
    const std::optional<store::StoredSubmission>& submission() const { return submission_; }
    const std::vector<DetailAnswer>& detail_answers() const { return detail_answers_; }
    const std::vector<DetailRule>& detail_rules() const { return detail_rules_; }
    const std::string& note() const { return note_; }

    // The plan check: the three fields as typed, which one the keypad fills, the last result.
    const std::vector<std::string>& plan_fields() const { return plan_fields_; }
    std::size_t plan_field() const { return plan_field_; }
    const std::optional<screening::PlanCheck>& plan_result() const { return plan_result_; }
    bool kidney_disease() const;

    // Minutes between a stored time and now, for the queue ("12 min ago").
    static std::optional<long> minutes_between(const std::string& iso_utc, std::int64_t now_unix);

private:
    void sign_in(double now);
    void sign_out(const char* why);
    void load_queue();
    void open(std::int64_t id);
    void build_detail();
    void write_export(const std::vector<std::int64_t>& ids, const std::string& from, const std::string& to);
    void say(const std::string& key, std::span<const content::MessageArgument> args = {});

    const screening::KioskBundle& bundle_;
    store::SubmissionStore& store_;
    KioskConfig config_;
    content::LocalizedText text_;
    bool active_ = false;
    double last_touch_ = 0;
    StaffScreen screen_ = StaffScreen::sign_in;
    std::optional<store::StaffSession> session_;
    std::optional<std::string> urgent_ticket_;
    std::optional<std::string> acknowledged_urgent_;
    bool entering_pin_ = false;
    std::string number_;
    std::string pin_;
    std::string message_;
    std::vector<store::QueueEntry> queue_;
    std::string queue_fault_;
    std::optional<store::StoredSubmission> submission_;
    std::vector<DetailAnswer> detail_answers_;
    std::vector<DetailRule> detail_rules_;
    std::string note_;
    std::vector<std::string> plan_fields_ = {"1", "60", "0"};
    std::size_t plan_field_ = 0;
    std::optional<screening::PlanCheck> plan_result_;
};

}  // namespace kiosk::app
