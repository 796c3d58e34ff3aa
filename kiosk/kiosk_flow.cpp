#include "kiosk_flow.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "locale_readiness.hpp"

namespace kiosk::app {

std::vector<LanguageChoice> offered_languages(const screening::KioskBundle& kiosk_bundle, const KioskConfig& config) {
    const content::ContentBundle& bundle = kiosk_bundle.content.bundle;
    const std::map<std::string, std::string> not_for_patients = config.offer_drafts ? std::map<std::string, std::string>()
                                                                                     : languages_not_for_patients(kiosk_bundle);
    std::vector<LanguageChoice> out;
    const auto offer = [&](const content::LocaleTexts& l) {
        if (!not_for_patients.contains(l.tag)) out.push_back({l.tag, l.native_name});
    };
    if (config.locales.empty()) {
        for (const content::LocaleTexts& l : bundle.locales) offer(l);
        return out;
    }
    // In the order the clinic listed them: it knows which languages its patients read most.
    for (const std::string& tag : config.locales) {
        const auto l = std::find_if(bundle.locales.begin(), bundle.locales.end(), [&](const content::LocaleTexts& x) { return x.tag == tag; });
        if (l != bundle.locales.end()) offer(*l);
    }
    return out;
}

KioskFlow::KioskFlow(const screening::KioskBundle& bundle, store::SubmissionStore& store, const KioskConfig& config, double now,
                     StaffAlerter* alerter)
    : bundle_(bundle),
      store_(store),
      alerter_(alerter),
      config_(config),
      languages_(offered_languages(bundle, config)),
      text_(bundle.content.bundle, config.default_locale),
      session_(bundle.screening),
      idle_(config.idle_timeout_seconds, config.idle_countdown_seconds) {
    idle_.touched(now);
    refresh_staff_mark();
    for (const LanguageChoice& l : languages_) {
        if (const content::LocaleTexts* texts = bundle.content.bundle.find(l.tag); texts && texts->status != content::ReviewStatus::reviewed) offering_drafts_ = true;
    }
}

void KioskFlow::refresh_staff_mark() {
    const auto n = store_.unacknowledged_urgent();
    staff_mark_ = store_.status().needs_staff() || !std::holds_alternative<std::int64_t>(n) || std::get<std::int64_t>(n) > 0;
}

void KioskFlow::end_visit_for_staff() {
    if (screen_ != Screen::urgent) reset_for_next_patient();
}

std::optional<std::string> KioskFlow::urgent_ticket() const {
    if (screen_ == Screen::urgent && result_) return result_->ticket;
    return std::nullopt;
}

void KioskFlow::urgent_acknowledged() {
    if (screen_ == Screen::urgent) reset_for_next_patient();
    refresh_staff_mark();
}

void KioskFlow::apply(const Intent& intent, double now) {
    idle_.touched(now);
    untouched_since_reset_ = false;
    using Kind = Intent::Kind;
    switch (intent.kind) {
        case Kind::still_here: return;
        case Kind::toggle_larger_text: larger_text_ = !larger_text_; return;
        case Kind::toggle_high_contrast: high_contrast_ = !high_contrast_; return;
        case Kind::toggle_read_every_screen: read_every_screen_ = !read_every_screen_; return;
        case Kind::read_aloud: return;  // the app reads; for the flow it is a touch
        default: break;
    }
    switch (screen_) {
        case Screen::welcome:
            if (intent.kind == Kind::choose_language) {
                const bool offered = std::any_of(languages_.begin(), languages_.end(),
                                                 [&](const LanguageChoice& l) { return l.tag == intent.text; });
                if (offered) text_ = content::LocalizedText(bundle_.content.bundle, intent.text);
            } else if (intent.kind == Kind::start) {
                // Warning signs first: a patient with chest pain must not read nine pages first.
                screen_ = session_.at_review() ? Screen::review : Screen::question;
            }
            break;
        case Screen::education:
            if (intent.kind == Kind::next_page) {
                if (page_ + 1 < page_count()) ++page_;
                else leave_pages();
            } else if (intent.kind == Kind::skip_reading) {
                leave_pages();
            } else if (intent.kind == Kind::previous_page) {
                if (page_ > 0) --page_;
                else if (return_to_ != Screen::education) leave_pages();
                else if (session_.back()) screen_ = Screen::question;  // to the warning signs again
            }
            break;
        case Screen::question:
            if (intent.kind == Kind::read_pages) {
                return_to_ = Screen::question;
                screen_ = Screen::education;
                page_ = 0;
            } else {
                answer_intent(intent, now);
            }
            break;
        case Screen::review:
            if (intent.kind == Kind::send) send(now);
            else if (intent.kind == Kind::read_pages) {
                return_to_ = Screen::review;
                screen_ = Screen::education;
                page_ = 0;
            } else if (intent.kind == Kind::edit_question) {
                session_.go_to(intent.index);
                if (!session_.at_review()) screen_ = Screen::question;
            } else if (intent.kind == Kind::previous_question && session_.back()) {
                screen_ = Screen::question;
            }
            break;
        case Screen::result:
            if (intent.kind == Kind::done) reset_for_next_patient();
            break;
        case Screen::urgent:
            // Nothing a patient taps ends it: a patient who may faint is not sent anywhere, and
            // the next patient cannot clear it before staff have come.
            break;
    }
}

std::string KioskFlow::show(const ScreenDescription& d, double now) {
    using Kind = ScreenDescription::Kind;
    if (bundle_.content.bundle.find(d.locale) == nullptr) return "no locale '" + d.locale + "' in the bundle";
    reset_for_next_patient();
    text_ = content::LocalizedText(bundle_.content.bundle, d.locale);
    text_.mark_fallbacks(d.mark_fallbacks);
    text_.record_served(d.record_texts);
    untouched_since_reset_ = false;  // a screen chosen by hand: the idle reset undoes it
    larger_text_ = d.larger_text;
    high_contrast_ = d.high_contrast;
    idle_.touched(now);
    reading_offered_ = true;
    const screening::Questionnaire& questions = questionnaire();
    switch (d.kind) {
        case Kind::welcome: return {};
        case Kind::education:
            if (d.page >= page_count()) return "page " + std::to_string(d.page + 1) + ": the bundle has " + std::to_string(page_count());
            page_ = d.page;
            screen_ = Screen::education;
            return {};
        case Kind::question:
        case Kind::idle: {
            // The idle question shows over the first question after the warning signs.
            const std::optional<std::size_t> index = d.kind == Kind::idle ? std::optional<std::size_t>(std::min<std::size_t>(1, questions.questions.size() - 1))
                                                                            : questions.index_of(d.question);
            if (!index) return "no question '" + d.question + "' in the questionnaire";
            const std::optional<screening::AnswerSet> answers = d.answers ? d.answers : answers_showing(questions, *index);
            if (!answers) return "question '" + questions.questions[*index].id + "' is shown under no answers to the questions before it";
            session_.show(*answers, *index);
            if (session_.current_question() != index) return "question '" + questions.questions[*index].id + "' is not shown with these answers";
            furthest_question_ = *index;
            screen_ = Screen::question;
            // "Are you still there?" has just appeared: the whole countdown is on screen.
            if (d.kind == Kind::idle) idle_.touched(now - config_.idle_timeout_seconds - 0.001);
            return {};
        }
        case Kind::review:
            session_.show(d.answers ? *d.answers : answers_for_full_review(bundle_.screening), questions.questions.size());
            furthest_question_ = questions.questions.size() - 1;
            screen_ = Screen::review;
            return {};
        case Kind::result:
        case Kind::urgent: {
            // Everything the rules of this outcome can tell a patient: an editor reads each text.
            const screening::Severity severity = d.kind == Kind::urgent ? screening::Severity::urgent : d.severity;
            result_ = ResultView{"K7MX", severity, d.stored, {}};
            std::vector<std::string>& keys = result_->message_keys;
            const auto tell = [&](screening::Severity of, const std::string& key) {
                if (of == severity && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
            };
            for (const screening::Rule& rule : bundle_.screening.rules) tell(rule.severity, rule.patient_message_key);
            tell(bundle_.screening.unknown_safety_answer.severity, bundle_.screening.unknown_safety_answer.patient_message_key);
            screen_ = d.kind == Kind::urgent ? Screen::urgent : Screen::result;
            result_shown_at_ = now;
            return {};
        }
        case Kind::out_of_service: return "out of service is shown by the program, not the patient flow";
    }
    return {};
}

void KioskFlow::leave_pages() {
    screen_ = return_to_ != Screen::education ? return_to_ : (session_.at_review() ? Screen::review : Screen::question);
    return_to_ = Screen::education;
}

std::size_t KioskFlow::questions_asked() const {
    return std::min(furthest_question_ + 1, questionnaire().questions.size());
}

void KioskFlow::answer_intent(const Intent& intent, double now) {
    using Kind = Intent::Kind;
    switch (intent.kind) {
        case Kind::choose_option: session_.choose(intent.text); break;
        case Kind::toggle_option: session_.toggle(intent.text); break;
        case Kind::number_key: number_key(intent.text); break;
        case Kind::next_question: {
            const auto leaving = session_.current_question();
            if (!leaving || !session_.next()) break;
            furthest_question_ = std::max(furthest_question_, *leaving);
            if (screening::urgent_now(bundle_.screening, session_.answers(), questions_asked())) {
                end_visit_urgent(now);
                break;
            }
            if (session_.at_review()) {
                screen_ = Screen::review;
            } else if (!reading_offered_ && *leaving == 0 && page_count() > 0) {
                // Past the warning signs: the pages, which the patient may skip.
                reading_offered_ = true;
                screen_ = Screen::education;
                page_ = 0;
            }
            break;
        }
        case Kind::previous_question:
            if (!session_.back()) screen_ = Screen::welcome;  // before the warning signs: the language
            break;
        default: break;
    }
}

std::string KioskFlow::number_entry() const {
    const auto q = session_.current_question();
    if (!q || questionnaire().questions[*q].type != screening::QuestionType::number) return {};
    if (*q == number_entry_question_ && !number_entry_.empty()) return number_entry_;
    // Back on a question answered before: its answer, as digits.
    const screening::Answer& a = session_.answer(*q);
    return a.given ? std::to_string(static_cast<long long>(a.number)) : std::string();
}

void KioskFlow::number_key(const std::string& key) {
    const auto q = session_.current_question();
    if (!q) return;
    const screening::Question& question = questionnaire().questions[*q];
    if (question.type != screening::QuestionType::number) return;
    std::string entry = number_entry();
    if (key == "delete") {
        if (!entry.empty()) entry.pop_back();
    } else if (key.size() == 1 && key[0] >= '0' && key[0] <= '9') {
        std::string longer = entry == "0" ? key : entry + key;
        // A digit that would pass the maximum is not taken: the display never shows what cannot be.
        if (longer.size() > 9 || std::stod(longer) > question.maximum) return;
        entry = std::move(longer);
    } else {
        return;
    }
    number_entry_ = entry;
    number_entry_question_ = *q;
    if (entry.empty() || !session_.set_number(std::stod(entry))) session_.clear_answer();
}

void KioskFlow::send(double now) {
    // Only from the review screen, and the screen changes at once: a second tap finds no "Send".
    store_and_show(session_.decide(), now);
}

void KioskFlow::end_visit_urgent(double now) {
    // Routed over what was asked: the questions not reached were never asked, not left unanswered.
    store_and_show(screening::route(bundle_.screening, session_.answers(), questions_asked()), now);
}

void KioskFlow::store_and_show(const screening::RoutingDecision& decision, double now) {
    store::NewSubmission submission = session_.submission(decision, text_.locale().tag);
    submission.kiosk_id = config_.kiosk_id;
    const store::SubmitOutcome out = store_.submit(std::move(submission));
    // Stored or kept in memory after a disk fault, staff must come either way.
    alert_staff(out.ticket, decision.severity);
    refresh_staff_mark();
    result_ = ResultView{out.ticket, decision.severity, out.stored, {}};
    for (const screening::FiredRule& f : decision.fired) {
        if (std::find(result_->message_keys.begin(), result_->message_keys.end(), f.patient_message_key) == result_->message_keys.end())
            result_->message_keys.emplace_back(f.patient_message_key);
    }
    // The answers leave the screen and memory as soon as they are safe (or queued in the store).
    session_.wipe();
    number_entry_.clear();
    screen_ = decision.severity == screening::Severity::urgent ? Screen::urgent : Screen::result;
    result_shown_at_ = now;
}

void KioskFlow::alert_staff(const std::string& ticket, screening::Severity severity) {
    if (alerter_ && alerter_->alerts_for(severity)) alerter_->raise(ticket, severity);
}

void KioskFlow::reset_for_next_patient() {
    session_.wipe();
    number_entry_.clear();
    result_.reset();
    return_to_ = Screen::education;
    reading_offered_ = false;
    furthest_question_ = 0;
    text_ = content::LocalizedText(bundle_.content.bundle, config_.default_locale);
    // Between patients: a submission kept in memory after a disk fault is tried again.
    if (store_.status().needs_staff()) store_.retry_pending();
    refresh_staff_mark();
    larger_text_ = false;
    high_contrast_ = false;
    read_every_screen_ = false;
    page_ = 0;
    screen_ = Screen::welcome;
    untouched_since_reset_ = true;
}

bool KioskFlow::idle_countdown_showing(double now) const {
    return screen_ != Screen::welcome && screen_ != Screen::result && screen_ != Screen::urgent &&
           idle_.phase(now) == IdleTimer::Phase::countdown;
}

void KioskFlow::tick(double now) {
    if (alerter_) {
        for (const AlertOutcome& o : alerter_->finished()) {
            if (o.ok) continue;
            // For staff and the audit trail, never the patient's screen; no answers in either.
            std::fprintf(stderr, "kiosk: staff alert (%s) for ticket %s failed: %s\n", o.channel.c_str(), o.ticket.c_str(), o.detail.c_str());
            store_.record_alert_failure(o.ticket, o.channel, o.detail);
        }
    }
    if (screen_ == Screen::result || screen_ == Screen::urgent) {
        if (now - result_shown_at_ >= outcome_screen_seconds()) reset_for_next_patient();
        return;
    }
    // On welcome too: a language or a larger-text choice left behind is reset for the next person.
    if (idle_.phase(now) == IdleTimer::Phase::expired) {
        // A warning sign ticked but not yet sent is not wiped: it is an urgent visit.
        const auto q = session_.current_question();
        const std::size_t asked = std::max(questions_asked(), q ? *q + 1 : questionnaire().questions.size());
        if (screening::urgent_now(bundle_.screening, session_.answers(), asked)) {
            furthest_question_ = asked - 1;
            end_visit_urgent(now);
        } else {
            reset_for_next_patient();
        }
        idle_.touched(now);
    }
}

double KioskFlow::seconds_until_next_change(double now) const {
    if (screen_ == Screen::result || screen_ == Screen::urgent) {
        return std::max(0.0, outcome_screen_seconds() - (now - result_shown_at_));
    }
    if (screen_ == Screen::welcome) {
        // No countdown is shown here: the one change is the reset of a language or a larger-text
        // choice someone left behind, and a welcome screen just reset has none.
        return untouched_since_reset_ ? std::numeric_limits<double>::infinity() : idle_.seconds_until_expired(now);
    }
    return idle_.seconds_until_next_change(now);
}

}  // namespace kiosk::app
