#include "eventindex.h"

#include "textfolding.h"

#include <algorithm>

namespace dateline {

namespace {

bool isIndexedChar(QChar c) { return c.isLetterOrNumber() || c.isMark(); }

// Calls `word` with each maximal run of letters, digits and marks in `text`. Any occurrence of a
// query in a text puts each such run of the query inside one run of the text.
template<typename Function>
void forEachWord(QStringView text, Function word)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inside = i < text.size() && isIndexedChar(text[i]);
        if (inside && start < 0)
            start = i;
        else if (!inside && start >= 0) {
            word(text.mid(start, i - start));
            start = -1;
        }
    }
}

template<typename T>
qsizetype heapBytes(const std::vector<T> &values)
{
    return qsizetype(values.capacity() * sizeof(T));
}

} // namespace

EventIndex::EventIndex(std::shared_ptr<const Corpus> corpus) : m_corpus(std::move(corpus))
{
    const QList<Event> &events = m_corpus->events;
    m_events.reserve(events.size());
    m_actorStart.reserve(events.size() + 1);
    m_actorStart.push_back(0);
    for (const Event &event : events) {
        Dates dates;
        dates.type = event.type;
        if (event.date.isValid()) {
            dates.dated = true;
            dates.firstDay = qint32(event.date.firstQDate().toJulianDay());
            dates.lastDay = qint32(event.date.lastQDate().toJulianDay());
        }
        m_events.push_back(dates);
        for (const QString &actor : event.actors) {
            auto number = m_actorNumbers.constFind(actor);
            if (number == m_actorNumbers.cend())
                number = m_actorNumbers.insert(actor, quint32(m_actorNumbers.size()));
            m_actorIds.push_back(*number);
        }
        m_actorStart.push_back(quint32(m_actorIds.size()));
    }
    m_sentenceWords = invert(events.size(), [this](qsizetype i) {
        const Event &event = m_corpus->events.at(i);
        return foldForMatching(m_corpus->articles.at(event.article).textOf(event.evidence));
    });
    m_titleWords = invert(m_corpus->articles.size(),
                          [this](qsizetype i) { return foldForMatching(m_corpus->articles.at(i).title); });
}

EventIndex::Postings EventIndex::invert(qsizetype documents, const std::function<QString(qsizetype)> &foldedText)
{
    // Lists per word first, flattened at the end; documents come in order, so each list is sorted.
    Postings result;
    WordMap<quint32> numbers;  // views into result.words, whose strings never move their data
    std::vector<std::vector<quint32>> lists;
    for (qsizetype document = 0; document < documents; ++document) {
        const QString folded = foldedText(document);
        forEachWord(folded, [&](QStringView word) {
            auto found = numbers.find(word);
            if (found == numbers.end()) {
                result.words.push_back(word.toString());
                lists.emplace_back();
                found = numbers.emplace(QStringView(result.words.back()), quint32(lists.size() - 1)).first;
            }
            std::vector<quint32> &ids = lists[found->second];
            if (ids.empty() || ids.back() != quint32(document))
                ids.push_back(quint32(document));
        });
    }
    result.start.reserve(lists.size() + 1);
    result.start.push_back(0);
    for (const std::vector<quint32> &ids : lists) {
        result.ids.insert(result.ids.end(), ids.cbegin(), ids.cend());
        result.start.push_back(quint32(result.ids.size()));
    }
    result.words.shrink_to_fit();
    return result;
}

std::vector<bool> EventIndex::textCandidates(const QString &needle) const
{
    // For each word of the query, the documents with a word that contains it; then those that
    // have all of them, through sentences or through titles.
    const auto documentsWithAll = [&needle](const Postings &postings, qsizetype documents) {
        std::vector<quint32> hits(static_cast<size_t>(documents), 0);
        quint32 round = 0;
        forEachWord(needle, [&](QStringView query) {
            for (size_t word = 0; word < postings.words.size(); ++word) {
                if (!postings.words[word].contains(query))
                    continue;
                for (quint32 i = postings.start[word]; i < postings.start[word + 1]; ++i)
                    if (hits[postings.ids[i]] == round)
                        hits[postings.ids[i]] = round + 1;
            }
            ++round;
        });
        std::vector<bool> result(static_cast<size_t>(documents), false);
        for (size_t i = 0; i < hits.size(); ++i)
            result[i] = hits[i] == round;
        return result;
    };

    std::vector<bool> candidates = documentsWithAll(m_sentenceWords, size());
    const std::vector<bool> articles = documentsWithAll(m_titleWords, m_corpus->articles.size());
    for (qsizetype i = 0; i < size(); ++i)
        if (articles[size_t(m_corpus->events.at(i).article)])
            candidates[size_t(i)] = true;
    return candidates;
}

QList<int> EventIndex::accepted(const EventFilter &filter) const
{
    QList<int> result;
    if (filter.noActors || filter.noTypes)
        return result;

    quint32 typeMask = 0;
    for (const EventType type : filter.types)
        typeMask |= 1u << int(type);

    // The chosen actors as numbers; a name no event has cannot be named by any.
    std::vector<bool> chosen(m_actorNumbers.size(), false);
    qsizetype chosenCount = 0;
    for (const QString &name : filter.actors) {
        const auto found = m_actorNumbers.constFind(name);
        if (found != m_actorNumbers.cend()) {
            chosen[*found] = true;
            ++chosenCount;
        } else if (filter.allActors) {
            return result;
        }
    }
    if (!filter.actors.isEmpty() && chosenCount == 0)
        return result;

    const bool byDate = filter.from.isValid() || filter.to.isValid();
    const qint32 from = filter.from.isValid() ? qint32(filter.from.firstQDate().toJulianDay()) : 0;
    const qint32 to = filter.to.isValid() ? qint32(filter.to.lastQDate().toJulianDay()) : 0;

    const QString needle = foldForMatching(filter.text.trimmed());
    const bool byText = !filter.text.isEmpty();
    std::vector<bool> candidates;
    bool candidatesAreMatches = false;
    if (byText) {
        candidates = textCandidates(needle);
        // A query of one word without spaces or punctuation is inside a text exactly when it is
        // inside one of its words: the index is then the whole answer.
        candidatesAreMatches = !needle.isEmpty() && std::all_of(needle.cbegin(), needle.cend(), isIndexedChar);
    }

    for (qsizetype i = 0; i < size(); ++i) {
        const Dates &dates = m_events[size_t(i)];
        if (typeMask && !(typeMask & (1u << int(dates.type))))
            continue;
        if (chosenCount > 0) {
            qsizetype named = 0;
            for (quint32 a = m_actorStart[size_t(i)]; a < m_actorStart[size_t(i) + 1]; ++a)
                named += chosen[m_actorIds[a]] ? 1 : 0;
            if (filter.allActors ? named < qsizetype(filter.actors.size()) : named == 0)
                continue;
        }
        if (byDate) {
            if (!dates.dated || (filter.from.isValid() && dates.lastDay < from) || (filter.to.isValid() && to < dates.firstDay))
                continue;
        }
        if (byText) {
            if (!candidates[size_t(i)])
                continue;
            if (!candidatesAreMatches) {
                const Event &event = m_corpus->events.at(i);
                const Article &article = m_corpus->articles.at(event.article);
                if (!foldForMatching(article.textOf(event.evidence)).contains(needle) && !foldForMatching(article.title).contains(needle))
                    continue;
            }
        }
        result.append(int(i));
    }
    return result;
}

qsizetype EventIndex::memoryUsage() const
{
    const auto postingBytes = [](const Postings &postings) {
        qsizetype bytes = heapBytes(postings.words) + heapBytes(postings.start) + heapBytes(postings.ids);
        for (const QString &word : postings.words)
            bytes += qsizetype(sizeof(QArrayData)) + (word.capacity() + 1) * qsizetype(sizeof(QChar));
        return bytes;
    };
    return heapBytes(m_events) + heapBytes(m_actorStart) + heapBytes(m_actorIds)
           + m_actorNumbers.capacity() * qsizetype(sizeof(QString) + sizeof(quint32) + sizeof(size_t))
           + postingBytes(m_sentenceWords) + postingBytes(m_titleWords);
}

} // namespace dateline
