#pragma once

#include <QString>
#include <QStringView>

#include <memory>
#include <span>

struct pcre2_real_code_16;

namespace dateline {

// A regular expression for the loops that match thousands of times an article: PCRE2 with the
// options QRegularExpression uses (UTF, Unicode properties, JIT), but matched without the
// allocations, the copies and the UTF-16 check that QRegularExpression::match() makes each time.
// Groups capture only when asked to; most callers ask where a match starts and ends. Text that
// is not valid UTF-16 (lone surrogates) is matched where it is valid. Copies share the compiled
// pattern; matching is const and thread-safe.
class Pattern final
{
public:
    enum class Case : quint8 { Sensitive, Insensitive };
    enum class Groups : quint8 { Uncaptured, Captured };
    static constexpr int kMaxCapturedGroups = 9;

    Pattern() = default;  // matches nothing
    explicit Pattern(const QString &pattern, Case matchCase = Case::Sensitive, Groups groups = Groups::Uncaptured);

    bool isValid() const { return m_code != nullptr; }
    QString errorString() const { return m_error; }

    struct Match
    {
        qsizetype start = -1;
        qsizetype end = -1;
        explicit operator bool() const { return start >= 0; }
        qsizetype length() const { return end - start; }
        QStringView in(QStringView subject) const { return *this ? subject.sliced(start, length()) : QStringView(); }
    };
    // The first match that starts at `from` or after it; none when there is none, or when the
    // pattern is invalid or reaches PCRE2's limits on this subject.
    Match match(QStringView subject, qsizetype from = 0) const;
    // The same, and where each of the pattern's first groups.size() groups matched, for a
    // pattern whose groups are captured: a group that took no part, or one past
    // kMaxCapturedGroups, is no match.
    Match match(QStringView subject, qsizetype from, std::span<Match> groups) const;
    // The match after `previous`, as QRegularExpression::globalMatch() steps: after an empty
    // match, a non-empty one at the same place, else the next match a character further on.
    Match next(QStringView subject, const Match &previous) const;

private:
    Match match(QStringView subject, qsizetype from, quint32 options, std::span<Match> groups) const;

    std::shared_ptr<pcre2_real_code_16> m_code;
    bool m_jit = false;  // compiled to machine code: matched without pcre2_match()'s checks
    QString m_error;
};

} // namespace dateline
