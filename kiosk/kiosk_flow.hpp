#pragma once
// Where the patient is and what happens next: welcome (language) → the warning-signs question →
// education pages (or "Skip reading") → one question per screen → review → result → welcome.
// A warning sign at the first question's Next ends the visit there: the submission is stored as
// urgent, staff are alerted, and the urgent screen tells the patient to stay seated.
// Screens read this and hand back an Intent; only this class acts, so every path can be tested
// without a window. It owns the privacy rules: the idle wipe (which never discards an urgent
// visit), the result screen that shows no answers and returns by itself, one submission per
// review however often "Send" is tapped.
#include <optional>
#include <string>
#include <vector>

#include "idle_timer.hpp"
#include "staff_alert.hpp"
#include "kiosk_bundle.hpp"
#include "kiosk_config.hpp"
#include "localized_text.hpp"
#include "patient_session.hpp"
#include "screen_description.hpp"
#include "submission_store.hpp"

namespace kiosk::app {

enum class Screen { welcome, education, question, review, result, urgent };

struct Intent {
    enum class Kind {
        choose_language,  // text = tag
        start,
        next_page,
        previous_page,
        skip_reading,     // the education pages: straight on to the questions (or back to them)
        read_pages,       // from a question or the review: the education pages, then back
        choose_option,    // text = option id (yes/no, single choice)
        toggle_option,    // text = option id (multiple choice)
        number_key,       // text = "0"…"9" or "delete": the keypad of a number question
        next_question,
        previous_question,
        edit_question,    // index = question
        send,
        still_here,
        done,
        toggle_larger_text,
        toggle_high_contrast,
        read_aloud,              // the Read aloud button: reading starts, or stops (the app reads)
        toggle_read_every_screen,  // the patient's choice on the welcome screen: each screen read as it appears
    };
    Kind kind;
    std::string text;
    double number = 0;
    std::size_t index = 0;
};

struct LanguageChoice {
    std::string tag;
    std::string native_name;
};

// The languages the configuration lists, in its order, that the bundle has; all the bundle's, in
// its order, when the configuration lists none. Only those fit for patients (locale_readiness.hpp)
// unless the configuration offers drafts.
std::vector<LanguageChoice> offered_languages(const screening::KioskBundle& bundle, const KioskConfig& config);

// What the result screen shows: the outcome and the ticket, never the answers.
struct ResultView {
    std::string ticket;
    screening::Severity severity = screening::Severity::none;
    bool stored = false;  // false: kept in memory after a storage fault; send the patient to the desk
    std::vector<std::string> message_keys;  // what the fired rules tell the patient, most severe first
};

class KioskFlow {
public:
    // `alerter` (optional) tells staff of urgent submissions; the flow audits how each alert ended.
    KioskFlow(const screening::KioskBundle& bundle, store::SubmissionStore& store, const KioskConfig& config, double now,
              StaffAlerter* alerter = nullptr);

    void apply(const Intent& intent, double now);
    // Puts the flow straight into a described screen (a preview, or kiosk --show), as if the
    // patient had tapped their way there; nothing is stored and no one is alerted. Returns what is
    // wrong with the description (empty: shown). Out of service is not a flow state: the program
    // shows it.
    std::string show(const ScreenDescription& description, double now);
    // Timers: the idle countdown and wipe, the result and urgent screens' return to welcome; and
    // the outcomes of staff alerts, into the log and the audit trail.
    void tick(double now);

    Screen screen() const { return screen_; }
    const content::LocalizedText& text() const { return text_; }
    std::size_t page() const { return page_; }
    std::size_t page_count() const { return bundle_.content.bundle.structure.pages.size(); }
    const content::EducationPage& current_page() const { return bundle_.content.bundle.structure.pages[page_]; }
    const content::TextRef& page_footer() const { return bundle_.content.bundle.structure.page_footer; }
    const screening::Questionnaire& questionnaire() const { return bundle_.screening.questionnaire; }
    const screening::PatientSession& session() const { return session_; }
    const std::optional<ResultView>& result() const { return result_; }
    const std::vector<LanguageChoice>& languages() const { return languages_; }
    // The education pages were opened from a question or the review (their way out leads back).
    bool reading_from_questions() const { return return_to_ != Screen::education; }
    const std::string& emergency_number() const { return config_.emergency_number; }
    // An urgent submission no one has acknowledged yet: the welcome screen shows a small mark for
    // staff (no ticket, no answers). A database that cannot be read counts as one, and so do a
    // submission kept only in memory and a full data disk.
    bool staff_mark() const { return staff_mark_; }
    // A content update that was refused, for staff on the welcome screen ("" when none).
    const std::string& content_notice() const { return content_notice_; }
    void set_content_notice(std::string notice) { content_notice_ = std::move(notice); }
    // A language on offer is a draft (offer_drafts = true): the welcome screen says so, for staff.
    bool offering_drafts() const { return offering_drafts_; }
    // Locale files that could not be read at all: their languages are not offered, and the
    // welcome screen says so for staff (never a silent absence).
    const std::vector<content::UnreadableLocale>& unreadable_locales() const { return bundle_.content.bundle.unreadable; }
    void refresh_staff_mark();

    // For the staff mode, which lives beside this flow and never inside it:
    // entering it ends a visit in progress (wiped as on idle), except the urgent screen, which
    // stays until its submission is acknowledged; the urgent screen's ticket, to open it first.
    void end_visit_for_staff();
    [[nodiscard]] std::optional<std::string> urgent_ticket() const;
    void urgent_acknowledged();
    bool idle_countdown_showing(double now) const;
    int idle_seconds_left(double now) const { return idle_.countdown_seconds_left(now); }
    // How long the kiosk may sleep before something on screen changes by itself: the idle
    // countdown's next second, the result screen's end; infinity on a welcome screen no one has
    // touched since it was reset (nothing on it will ever change by itself).
    double seconds_until_next_change(double now) const;
    // The digits typed so far on the current number question ("" when none). It may lie outside
    // the question's range while the patient types (18 starts with 1); the answer is set only
    // when it is inside.
    std::string number_entry() const;
    bool larger_text() const { return larger_text_; }
    bool high_contrast() const { return high_contrast_; }
    bool read_every_screen() const { return read_every_screen_; }
    Orientation orientation() const { return config_.orientation; }

private:
    void answer_intent(const Intent& intent, double now);
    void number_key(const std::string& key);
    void send(double now);
    // Stores what was answered so far as routed (urgent), alerts staff and shows the urgent screen.
    void end_visit_urgent(double now);
    void store_and_show(const screening::RoutingDecision& decision, double now);
    void alert_staff(const std::string& ticket, screening::Severity severity);
    void leave_pages();
    // The questions asked so far: a rule that reads a later one waits for it.
    std::size_t questions_asked() const;
    // How long the result (or urgent) screen on display stays before welcome returns.
    double outcome_screen_seconds() const {
        return screen_ == Screen::urgent ? config_.urgent_screen_seconds : config_.result_screen_seconds;
    }
    void reset_for_next_patient();

    const screening::KioskBundle& bundle_;
    store::SubmissionStore& store_;
    StaffAlerter* alerter_;
    KioskConfig config_;
    std::vector<LanguageChoice> languages_;
    content::LocalizedText text_;
    screening::PatientSession session_;
    IdleTimer idle_;
    Screen screen_ = Screen::welcome;
    std::size_t page_ = 0;
    std::optional<ResultView> result_;
    double result_shown_at_ = 0;          // the result or urgent screen
    Screen return_to_ = Screen::education;  // where the pages lead back to; education: onward to the questions
    bool reading_offered_ = false;          // the pages were offered after the warning signs
    bool staff_mark_ = false;
    bool offering_drafts_ = false;
    std::string content_notice_;
    std::size_t furthest_question_ = 0;     // the furthest question index the patient has reached
    std::string number_entry_;                // typed on the question below; wiped with the session
    std::size_t number_entry_question_ = 0;
    bool larger_text_ = false;
    bool high_contrast_ = false;
    bool read_every_screen_ = false;
    bool untouched_since_reset_ = true;  // nothing left behind for the idle reset to undo
};

}  // namespace kiosk::app
