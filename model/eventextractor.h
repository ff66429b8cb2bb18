#pragma once

#include "article.h"
#include "event.h"
#include "frenchdatetagger.h"
#include "pattern.h"

#include <QList>

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace dateline {

class Gazetteer;

// Finds the events of a dated article: sentences with at least one actor and an event cue.
class EventExtractor final
{
public:
    explicit EventExtractor(const Gazetteer &gazetteer);

    // `dates` are the article's date expressions, tagged against its publication date. The actors
    // of the events that the gazetteer does not know are added to `unlistedActors`, once each.
    // Stops past `maxEvents`, with one event more than that (a sentence gives one event at most)
    // to tell that there were more. The events' article index is left for the corpus to set.
    QList<Event> extract(const Article &article, const QList<TimeExpression> &dates, QStringList *unlistedActors,
                         qsizetype maxEvents = std::numeric_limits<qsizetype>::max()) const;

    struct Typing
    {
        EventType type = EventType::Other;
        qsizetype cueEnd = 0;  // offset in the sentence just after the cue that decided the type
    };
    // The event type of a sentence: the first type one of whose verbs it uses, else the first
    // one of whose nouns it holds; none if it has no cue. `sentence` is the original text (cues
    // must be lower case there: "ministre du Commerce" is a title), `folded` its foldForMatching().
    std::optional<Typing> typeOf(QStringView sentence, QStringView folded) const;

private:
    struct CueList
    {
        EventType type;
        bool verbs;
        Pattern pattern;
        // Matched only where one of its leads starts (see below), the pattern beginning with \G:
        // a search from the first would try every position after it.
        bool anchored = false;
    };
    const Gazetteer &m_gazetteer;
    QList<CueList> m_cueLists;  // the verbs of every type, then their nouns: the order typeOf() tries them in

    // Cues start words with literal text ("ont signe", "declar"), their leads: a list is tried
    // only where one of its leads starts a word of the sentence. A list some of whose leads
    // cannot be told is searched for in the whole sentence.
    static constexpr qsizetype kKeyLength = 3;
    static constexpr qsizetype kMaxLeadLength = 16;
    static constexpr qsizetype kFilteredLists = 64;  // one bit each; lists past these are searched for
    // The leads in a trie of their units. Leads share long beginnings ("ont rencontre", "ont
    // recu", ... eighty of them start "ont "): a walk from a word's start finds all those it
    // begins with in as many steps as the word matches, whatever their number.
    struct LeadNode
    {
        quint64 lists = 0;  // bits of the lists with a cue that begins with the text of the walk here
        quint32 firstChild = 0;  // in m_leadChildren, where the node's children lie together
        quint32 childCount = 0;
    };
    struct LeadChild
    {
        char16_t unit;
        quint32 node;
    };
    std::vector<LeadNode> m_leadNodes;  // the first is the root
    std::vector<LeadChild> m_leadChildren;
    // Where a walk starts: the node the first kKeyLength units of a lead lead to, by those units
    // packed, in open addressing. A word's first units find it, or (for most words) that no lead
    // starts like them, in a probe or two. A slot whose node is the root is empty.
    struct WalkStart
    {
        quint64 key = 0;
        quint32 node = 0;
    };
    std::vector<WalkStart> m_walkStarts;  // 2^m_walkStartBits slots, at most a quarter full
    int m_walkStartBits = 0;
    // Most words start no lead: 2^kWalkFilterBits bits (512 bytes), one per value of
    // slotOf(key, kWalkFilterBits), tell them before the table. They stay in the nearest cache.
    static constexpr int kWalkFilterBits = 12;
    std::array<quint64, (size_t(1) << kWalkFilterBits) / 64> m_walkFilter{};
    inline quint32 walkStart(quint64 key) const;  // 0 if no lead starts with the units of `key`
};

} // namespace dateline
