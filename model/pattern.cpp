#include "pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>

#include <algorithm>

namespace dateline {

namespace {

// What a thread needs to match: PCRE2 asks for them at every match, QRegularExpression makes
// them anew each time. The stack lets JIT code recurse as deeply as QRegularExpression allows.
struct MatchResources
{
    pcre2_match_data *data = pcre2_match_data_create(1 + Pattern::kMaxCapturedGroups, nullptr);
    pcre2_jit_stack *stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, nullptr);
    pcre2_match_context *context = pcre2_match_context_create(nullptr);

    MatchResources()
    {
        if (context && stack)
            pcre2_jit_stack_assign(context, nullptr, stack);
    }
    ~MatchResources()
    {
        pcre2_match_context_free(context);
        pcre2_jit_stack_free(stack);
        pcre2_match_data_free(data);
    }
    MatchResources(const MatchResources &) = delete;
    MatchResources &operator=(const MatchResources &) = delete;
};

} // namespace

Pattern::Pattern(const QString &pattern, Case matchCase, Groups groups)
{
    quint32 options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    if (groups == Groups::Uncaptured)
        options |= PCRE2_NO_AUTO_CAPTURE;
    if (matchCase == Case::Insensitive)
        options |= PCRE2_CASELESS;
    int error = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code *code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.utf16()), PCRE2_SIZE(pattern.size()), options,
                                     &error, &errorOffset, nullptr);
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message / sizeof *message);
        m_error = QStringLiteral("%1 at offset %2").arg(QString::fromUtf16(reinterpret_cast<const char16_t *>(message))).arg(errorOffset);
        return;
    }
    m_jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;  // when the JIT cannot, the interpreter matches
    m_code.reset(code, pcre2_code_free);
}

Pattern::Match Pattern::match(QStringView subject, qsizetype from) const { return match(subject, from, 0, {}); }

Pattern::Match Pattern::match(QStringView subject, qsizetype from, std::span<Match> groups) const
{
    return match(subject, from, 0, groups);
}

Pattern::Match Pattern::next(QStringView subject, const Match &previous) const
{
    if (previous.length() > 0)
        return match(subject, previous.end);
    if (const Match nonEmpty = match(subject, previous.end, PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED, {}))
        return nonEmpty;
    const qsizetype step = previous.end + 1 < subject.size() && QChar::isHighSurrogate(subject[previous.end].unicode())
                                   && QChar::isLowSurrogate(subject[previous.end + 1].unicode())
                               ? 2
                               : 1;
    return match(subject, previous.end + step);  // none past the end
}

Pattern::Match Pattern::match(QStringView subject, qsizetype from, quint32 options, std::span<Match> groups) const
{
    thread_local const MatchResources resources;
    std::fill(groups.begin(), groups.end(), Match());
    if (!m_code || !resources.data || !resources.context || from < 0 || from > subject.size())
        return {};
    // The JIT does not take PCRE2_ANCHORED at match time; pcre2_match() then interprets.
    const auto match = m_jit && !(options & PCRE2_ANCHORED) ? pcre2_jit_match : pcre2_match;
    const int found = match(m_code.get(), reinterpret_cast<PCRE2_SPTR>(subject.utf16()), PCRE2_SIZE(subject.size()),
                            PCRE2_SIZE(from), options, resources.data, resources.context);
    if (found < 0)  // no match, or an error such as a limit reached: no match either way
        return {};
    const PCRE2_SIZE *offsets = pcre2_get_ovector_pointer(resources.data);
    // `found` counts the pairs set: the whole match and the groups up to the last that took
    // part, or 0 when more groups took part than there are pairs.
    const size_t pairs = found == 0 ? 1 + kMaxCapturedGroups : size_t(found);
    for (size_t group = 1; group < pairs && group <= groups.size(); ++group) {
        if (offsets[2 * group] != PCRE2_UNSET)
            groups[group - 1] = {qsizetype(offsets[2 * group]), qsizetype(offsets[2 * group + 1])};
    }
    return {qsizetype(offsets[0]), qsizetype(offsets[1])};
}

} // namespace dateline
