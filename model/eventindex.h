#pragma once

#include "corpus.h"
#include "eventfilter.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace dateline {

// The index keeps ascending lists of ids as the gaps between them in LEB128 varints: seven bits a
// byte, low bits first, the top bit set on every byte but the last. Reads the varint at bytes[p]
// into `value` and moves `p` past it; false when it runs past `end` or over five bytes, which
// only damaged bytes do.
inline bool readVarint(const std::vector<quint8> &bytes, size_t &p, size_t end, quint32 &value)
{
    value = 0;
    for (int shift = 0; shift < 35 && p < end; shift += 7) {
        const quint8 byte = bytes[p++];
        value |= quint32(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// What filtering needs of every event, laid out flat so that one EventFilter runs over a million
// events in a few milliseconds: days as integers, types as bits, actors as numbers, and the words
// of the sentences and titles in an inverted index.
//
// It answers exactly as EventFilter::accepts() does. The text criterion finds its candidates
// through the index (a word of the query is a substring of a word of the sentence), then checks
// the candidates against the sentence itself whenever the index alone cannot be sure.
//
// Built once per corpus, off the UI thread for large ones; all queries are const and thread-safe.
class EventIndex final
{
public:
    explicit EventIndex(std::shared_ptr<const Corpus> corpus);
    Q_DISABLE_COPY_MOVE(EventIndex)

    // The index of words, the bulk of the work of building an EventIndex, as bytes to save with the corpus.
    QByteArray savedWords() const;
    // The index of `corpus`, its words taken from what savedWords() gave for that same corpus;
    // nullptr when `saved` is not such bytes. Every list is checked, so the worst bytes can only
    // make it fail.
    static std::unique_ptr<EventIndex> withSavedWords(std::shared_ptr<const Corpus> corpus, QByteArrayView saved);

    const Corpus &corpus() const { return *m_corpus; }
    const std::shared_ptr<const Corpus> &sharedCorpus() const { return m_corpus; }
    qsizetype size() const { return qsizetype(m_events.size()); }

    // The events `filter` accepts, as indexes into Corpus::events, in corpus order.
    QList<int> accepted(const EventFilter &filter) const;

    // What counting and placing an event needs, packed: reading these is much faster than Events.
    struct Facts
    {
        qint32 firstDay = 0;  // Julian day numbers; both 0 when undated
        qint32 lastDay = 0;
        qint32 month = 0;     // year * 12 + month - 1, when the date is known to the month or the day
        qint32 article = 0;
        EventType type = EventType::Other;
        Precision precision = Precision::None;

        bool dated() const { return precision != Precision::None; }
        bool hasMonth() const { return precision >= Precision::Month; }
    };
    const Facts &facts(qsizetype event) const { return m_events[size_t(event)]; }

    // Every distinct actor name gets a number, so that counting by actor needs no string hashing.
    qsizetype actorCount() const { return qsizetype(m_actorNames.size()); }
    const QString &actorName(quint32 number) const { return m_actorNames[number]; }
    qsizetype actorNumber(const QString &name) const;  // -1 for a name no event has
    // The actors of an event as numbers, in the order of Event::actors.
    std::span<const quint32> actorNumbers(qsizetype event) const
    {
        return {m_actorIds.data() + m_actorStart[size_t(event)], m_actorStart[size_t(event) + 1] - m_actorStart[size_t(event)]};
    }

    // The bytes the index holds on the heap, for the memory benchmark.
    qsizetype memoryUsage() const;

private:
    // One bit per document.
    using Bits = std::vector<quint64>;
    // Ascending lists of ids per word, stored as the gaps between them in LEB128 varints: most
    // gaps fit in one byte, where a plain list takes four per id.
    struct Postings
    {
        std::vector<QString> words;  // folded, distinct
        std::vector<quint32> start;  // the list of word w is gaps[start[w]] .. gaps[start[w + 1]]
        std::vector<quint8> gaps;

        template<typename Function>
        void forEachId(size_t word, Function function) const
        {
            quint32 id = 0;
            quint32 gap = 0;
            for (size_t p = start[word]; readVarint(gaps, p, start[word + 1], gap);) {
                id += gap;
                function(id);
            }
        }
    };

    struct WithoutWords {};
    EventIndex(std::shared_ptr<const Corpus> corpus, WithoutWords);  // the words are for the caller to fill in
    void indexEvents();  // everything but the words
    // What savedWords() wrote, each list checked against the number of events and of articles.
    static std::optional<std::pair<Postings, Postings>> readSavedWords(QByteArrayView saved, qsizetype events, qsizetype articles);

    static Postings invert(qsizetype documents, const std::function<QStringView(qsizetype)> &text);
    static Bits documentsWithAll(const Postings &postings, qsizetype documents, const QList<QStringView> &queryWords);
    Bits textCandidates(const QString &needle) const;

    std::shared_ptr<const Corpus> m_corpus;
    std::vector<Facts> m_events;
    std::vector<quint32> m_actorStart;  // the actors of event i are m_actorIds[m_actorStart[i] .. m_actorStart[i + 1]]
    std::vector<quint32> m_actorIds;
    QHash<QString, quint32> m_actorNumbers;  // canonical name -> the number m_actorIds use
    std::vector<QString> m_actorNames;       // and back
    Postings m_sentenceWords;           // ids are events
    Postings m_titleWords;              // ids are articles
    std::vector<quint32> m_articleEventStart;  // the events of article a are m_articleEvents[start[a] .. start[a + 1]]
    std::vector<quint32> m_articleEvents;
};

} // namespace dateline
