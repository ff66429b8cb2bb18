#include "eventindex.h"

#include "binaryformat.h"
#include "hugepages.h"
#include "textfolding.h"

#include <QThread>

#include <algorithm>
#include <bit>
#include <future>
#include <numeric>
#include <thread>

namespace dateline {

namespace {

bool isIndexedChar(char16_t unit)
{
    if (unit < 0x80)  // no ASCII character is a mark: the Unicode tables need not be asked
        return isAsciiOf(unit, AsciiLetter | AsciiDigit);
    const QChar c(unit);
    return c.isLetterOrNumber() || c.isMark();
}

// Calls `word` with each maximal run of letters, digits and marks in `text`. Any occurrence of a
// query in a text puts each such run of the query inside one run of the text.
template<typename Function>
void forEachWord(QStringView text, Function word)
{
    const char16_t *const begin = text.utf16();
    const char16_t *const end = begin + text.size();
    for (const char16_t *unit = begin; unit != end;) {
        if (!isIndexedChar(*unit)) {
            ++unit;
            continue;
        }
        const char16_t *const start = unit;
        // Folded text is mostly ASCII letters: they are stepped over in a loop of their own.
        do {
            while (++unit != end && isAsciiOf(*unit, AsciiLetter | AsciiDigit)) {
            }
        } while (unit != end && isIndexedChar(*unit));
        word(text.sliced(start - begin, unit - start));
    }
}

// Appends `value` as readVarint() reads it.
void appendVarint(std::vector<quint8> &bytes, quint32 value)
{
    for (; value >= 0x80; value >>= 7)
        bytes.push_back(quint8(value | 0x80));
    bytes.push_back(quint8(value));
}

// The ascending ids of the documents a word occurs in, kept as Postings keeps them: the gaps
// between them (the first from 0) in varints. A quarter of the memory of the ids themselves,
// and no encoding left to do at the end.
struct IdList
{
    std::vector<quint8> gaps;
    quint32 last = 0;

    void add(quint32 id)
    {
        if (gaps.empty() || id != last) {
            appendVarint(gaps, gaps.empty() ? id : id - last);
            last = id;
        }
    }
    // Appends a list whose ids all come after this one's.
    void append(const IdList &later)
    {
        quint32 first = 0;
        size_t p = 0;
        readVarint(later.gaps, p, later.gaps.size(), first);
        add(first);
        gaps.insert(gaps.end(), later.gaps.cbegin() + qsizetype(p), later.gaps.cend());
        last = later.last;
    }
};

// The documents each word occurs in, in the order the words came.
struct WordLists
{
    std::vector<QString> words;
    std::vector<size_t> hashes;  // WordHash of each word
    std::vector<IdList> lists;

    IdList &listOf(QStringView word, size_t hash)
    {
        const size_t mask = table.size() - 1;
        const quint32 tag = quint32(hash >> 32);
        for (size_t slot = home(hash);; slot = (slot + 1) & mask) {
            const Slot found = table[slot];
            if (found.number == kNoWord) {
                table[slot] = {tag, quint32(words.size())};
                words.push_back(word.toString());
                hashes.push_back(hash);
                lists.emplace_back();
                if (words.size() * 2 > table.size())
                    grow();
                return lists.back();
            }
            if (found.tag == tag && hashes[found.number] == hash && WordEqual{}(words[found.number], word))
                return lists[found.number];
        }
    }

private:
    static constexpr quint32 kNoWord = ~quint32(0);
    // Open addressing: a corpus has hundreds of thousands of distinct words, and a node-based map
    // spent most of the build chasing pointers to them. A slot holds part of its word's hash, so
    // that probing past other words reads nothing else.
    struct Slot
    {
        quint32 tag = 0;
        quint32 number = kNoWord;
    };
    std::vector<Slot> table = std::vector<Slot>(1024);

    // The slot a hash starts probing from.
    size_t home(size_t hash) const
    {
        return slotOf(hash, std::countr_zero(table.size()));
    }

    void grow()
    {
        table.assign(table.size() * 2, Slot());
        const size_t mask = table.size() - 1;
        for (quint32 number = 0; number < words.size(); ++number) {
            size_t slot = home(hashes[number]);
            while (table[slot].number != kNoWord)
                slot = (slot + 1) & mask;
            table[slot] = {quint32(hashes[number] >> 32), number};
        }
    }
};

template<typename T>
qsizetype heapBytes(const std::vector<T> &values)
{
    return qsizetype(values.capacity() * sizeof(T));
}

} // namespace

EventIndex::EventIndex(std::shared_ptr<const Corpus> corpus) : m_corpus(std::move(corpus))
{
    indexEvents();
    m_sentenceWords = invert(m_corpus->events.size(), [this](qsizetype i) {
        const Event &event = m_corpus->events.at(i);
        return m_corpus->articles.at(event.article).textOf(event.evidence);
    });
    m_titleWords = invert(m_corpus->articles.size(), [this](qsizetype i) { return QStringView(m_corpus->articles.at(i).title); });
}

EventIndex::EventIndex(std::shared_ptr<const Corpus> corpus, WithoutWords) : m_corpus(std::move(corpus))
{
    indexEvents();
}

QByteArray EventIndex::savedWords() const
{
    BinaryWriter out;
    for (const Postings *postings : {&m_sentenceWords, &m_titleWords}) {
        out.u32(qsizetype(postings->words.size()));
        for (const QString &word : postings->words)
            out.string(word);
        for (const quint32 start : postings->start)
            out.u32(start);
        out.bytes.append(reinterpret_cast<const char *>(postings->gaps.data()), qsizetype(postings->gaps.size()));
    }
    return out.bytes;
}

std::unique_ptr<EventIndex> EventIndex::withSavedWords(std::shared_ptr<const Corpus> corpus, QByteArrayView saved)
{
    // The words are read and checked on a thread of their own while this one indexes the events:
    // each takes a fifth of a second for a million events.
    auto words = std::async(std::launch::async, &EventIndex::readSavedWords, saved, corpus->events.size(),
                            corpus->articles.size());
    std::unique_ptr<EventIndex> index(new EventIndex(std::move(corpus), WithoutWords()));
    std::optional<std::pair<Postings, Postings>> read = words.get();
    if (!read)
        return nullptr;
    index->m_sentenceWords = std::move(read->first);
    index->m_titleWords = std::move(read->second);
    return index;
}

std::optional<std::pair<EventIndex::Postings, EventIndex::Postings>>
EventIndex::readSavedWords(QByteArrayView saved, qsizetype events, qsizetype articles)
{
    BinaryReader in(saved);
    // The lists of `documents` documents, if each is ascending, in range and ends where the next begins.
    const auto readPostings = [&in](qsizetype documents) {
        Postings postings;
        postings.words.resize(size_t(in.count(kStringBytes)));
        for (QString &word : postings.words)
            word = in.string();
        postings.start.resize(postings.words.size() + 1);
        for (quint32 &start : postings.start)
            start = in.u32();
        if (postings.start.front() != 0 || !std::is_sorted(postings.start.cbegin(), postings.start.cend()))
            in.fail();
        const QByteArrayView gaps = in.bytes(postings.start.back());
        postings.gaps.assign(gaps.begin(), gaps.end());
        for (size_t word = 0; in.ok() && word < postings.words.size(); ++word) {
            qint64 previous = -1;
            quint32 gap = 0;
            for (size_t p = postings.start[word]; in.ok() && p < postings.start[word + 1];) {
                const bool read = readVarint(postings.gaps, p, postings.start[word + 1], gap);
                const qint64 id = previous < 0 ? qint64(gap) : previous + qint64(gap);
                if (!read || id <= previous || id >= documents)
                    in.fail();
                previous = id;
            }
        }
        return postings;
    };
    Postings sentenceWords = readPostings(events);
    Postings titleWords = readPostings(articles);
    if (!in.ok() || !in.atEnd())
        return std::nullopt;
    return std::pair(std::move(sentenceWords), std::move(titleWords));
}

void EventIndex::indexEvents()
{
    const QList<Event> &events = m_corpus->events;
    reserveInHugePages(m_events, events.size());
    reserveInHugePages(m_actorStart, events.size() + 1);
    m_actorStart.push_back(0);
    std::unordered_map<const QString *, std::pair<size_t, quint32>> numbersOfList;  // where m_actorIds has it
    for (const Event &event : events) {
        Facts facts;
        facts.type = event.type;
        facts.article = event.article;
        facts.precision = event.date.precision();
        if (event.date.isValid()) {
            facts.firstDay = qint32(event.date.firstQDate().toJulianDay());
            facts.lastDay = qint32(event.date.lastQDate().toJulianDay());
            facts.month = event.date.year() * 12 + event.date.month() - 1;
        }
        m_events.push_back(facts);
        // Events share their lists of actors (see loadCorpus): each list is numbered once.
        const auto [numbered, fresh] = numbersOfList.try_emplace(event.actors.constData(), m_actorIds.size(), 0);
        if (!fresh) {
            const auto [from, count] = numbered->second;
            for (size_t k = from; k < from + count; ++k) {
                const quint32 id = m_actorIds[k];
                m_actorIds.push_back(id);
            }
            m_actorStart.push_back(quint32(m_actorIds.size()));
            continue;
        }
        numbered->second.second = quint32(event.actors.size());
        for (const QString &actor : event.actors) {
            auto number = m_actorNumbers.constFind(actor);
            if (number == m_actorNumbers.cend()) {
                number = m_actorNumbers.insert(actor, quint32(m_actorNames.size()));
                m_actorNames.push_back(actor);
            }
            m_actorIds.push_back(*number);
        }
        m_actorStart.push_back(quint32(m_actorIds.size()));
    }
    // Events by article, for the words of titles.
    m_articleEventStart.assign(size_t(m_corpus->articles.size()) + 1, 0);
    for (const Event &event : events)
        ++m_articleEventStart[size_t(event.article) + 1];
    std::partial_sum(m_articleEventStart.cbegin(), m_articleEventStart.cend(), m_articleEventStart.begin());
    m_articleEvents.resize(size_t(events.size()));
    std::vector<quint32> filled(m_articleEventStart.cbegin(), m_articleEventStart.cend() - 1);
    for (qsizetype i = 0; i < events.size(); ++i)
        m_articleEvents[filled[size_t(events.at(i).article)]++] = quint32(i);
}

EventIndex::Postings EventIndex::invert(qsizetype documents, const std::function<QStringView(qsizetype)> &text)
{
    // Each thread inverts a run of consecutive documents into lists per word; the runs' lists are
    // then joined word by word in document order, so that every list stays sorted.
    const int threads = int(std::clamp<qsizetype>(documents / 20'000, 1, QThread::idealThreadCount()));
    std::vector<WordLists> runs(static_cast<size_t>(threads));
    const auto invertRun = [&](int run) {
        QString folded;
        for (qsizetype document = documents * run / threads; document < documents * (run + 1) / threads; ++document) {
            foldForMatching(text(document), folded);
            forEachWord(folded, [&](QStringView word) {
                runs[size_t(run)].listOf(word, WordHash{}(word)).add(quint32(document));
            });
        }
    };
    std::vector<std::thread> workers;
    for (int run = 1; run < threads; ++run)
        workers.emplace_back(invertRun, run);
    invertRun(0);
    for (std::thread &worker : workers)
        worker.join();

    WordLists &all = runs.front();
    for (size_t run = 1; run < runs.size(); ++run) {
        for (size_t word = 0; word < runs[run].words.size(); ++word)
            all.listOf(runs[run].words[word], runs[run].hashes[word]).append(runs[run].lists[word]);
    }

    Postings result;
    result.start.reserve(all.lists.size() + 1);
    result.start.push_back(0);
    for (const IdList &list : all.lists)
        result.start.push_back(result.start.back() + quint32(list.gaps.size()));
    result.gaps.reserve(result.start.back());
    for (const IdList &list : all.lists)
        result.gaps.insert(result.gaps.end(), list.gaps.cbegin(), list.gaps.cend());
    result.words = std::move(all.words);
    result.words.shrink_to_fit();
    return result;
}

EventIndex::Bits EventIndex::documentsWithAll(const Postings &postings, qsizetype documents, const QList<QStringView> &queryWords)
{
    // Where a query of several words occurs, its first word ends a word of the text, its last
    // begins one and those between are whole words; a single word can be anywhere in one.
    const auto matches = [&queryWords](QStringView word, qsizetype i) {
        const QStringView query = queryWords.at(i);
        if (queryWords.size() == 1)
            return word.contains(query);
        if (i == 0)
            return word.endsWith(query);
        if (i == queryWords.size() - 1)
            return word.startsWith(query);
        return word == query;
    };
    const size_t blocks = size_t(documents + 63) / 64;
    Bits all(blocks, ~quint64(0));
    Bits some(blocks);
    for (qsizetype i = 0; i < queryWords.size(); ++i) {
        std::fill(some.begin(), some.end(), 0);
        for (size_t word = 0; word < postings.words.size(); ++word) {
            if (!matches(postings.words[word], i))
                continue;
            postings.forEachId(word, [&some](quint32 id) { some[id / 64] |= quint64(1) << (id % 64); });
        }
        for (size_t b = 0; b < blocks; ++b)
            all[b] &= some[b];
    }
    return all;
}

EventIndex::Bits EventIndex::textCandidates(const QString &needle) const
{
    // Through sentences or through titles: an article's title stands for each of its events.
    QList<QStringView> queryWords;
    forEachWord(needle, [&queryWords](QStringView word) { queryWords.append(word); });
    Bits candidates = documentsWithAll(m_sentenceWords, size(), queryWords);
    const Bits articles = documentsWithAll(m_titleWords, m_corpus->articles.size(), queryWords);
    for (size_t b = 0; b < articles.size(); ++b) {
        for (quint64 bits = articles[b]; bits; bits &= bits - 1) {
            const size_t article = b * 64 + size_t(std::countr_zero(bits));
            if (article >= size_t(m_corpus->articles.size()))
                break;
            for (quint32 e = m_articleEventStart[article]; e < m_articleEventStart[article + 1]; ++e)
                candidates[m_articleEvents[e] / 64] |= quint64(1) << (m_articleEvents[e] % 64);
        }
    }
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
    Bits candidates;
    bool candidatesAreMatches = false;
    std::vector<qint8> titleMatches;  // per article: -1 not read yet, else whether its title has the text
    if (byText) {
        candidates = textCandidates(needle);
        // A query of one word without spaces or punctuation is inside a text exactly when it is
        // inside one of its words: the index is then the whole answer.
        candidatesAreMatches = !needle.isEmpty()
                               && std::all_of(needle.cbegin(), needle.cend(), [](QChar c) { return isIndexedChar(c.unicode()); });
        if (!candidatesAreMatches)
            titleMatches.assign(size_t(m_corpus->articles.size()), -1);
    }

    for (qsizetype i = 0; i < size(); ++i) {
        const Facts &facts = m_events[size_t(i)];
        if (typeMask && !(typeMask & (1u << int(facts.type))))
            continue;
        if (chosenCount > 0) {
            qsizetype named = 0;
            for (quint32 a = m_actorStart[size_t(i)]; a < m_actorStart[size_t(i) + 1]; ++a)
                named += chosen[m_actorIds[a]] ? 1 : 0;
            if (filter.allActors ? named < qsizetype(filter.actors.size()) : named == 0)
                continue;
        }
        if (byDate) {
            if (!facts.dated() || (filter.from.isValid() && facts.lastDay < from) || (filter.to.isValid() && to < facts.firstDay))
                continue;
        }
        if (byText) {
            if (!(candidates[size_t(i) / 64] & (quint64(1) << (i % 64))))
                continue;
            if (!candidatesAreMatches) {
                // Titles first, each read once: many events share an article.
                qint8 &title = titleMatches[size_t(facts.article)];
                if (title < 0)
                    title = foldForMatching(m_corpus->articles.at(facts.article).title).contains(needle) ? 1 : 0;
                const Event &event = m_corpus->events.at(i);
                if (!title && !foldForMatching(m_corpus->articles.at(facts.article).textOf(event.evidence)).contains(needle))
                    continue;
            }
        }
        result.append(int(i));
    }
    return result;
}

qsizetype EventIndex::actorNumber(const QString &name) const
{
    const auto found = m_actorNumbers.constFind(name);
    return found == m_actorNumbers.cend() ? -1 : qsizetype(*found);
}

qsizetype EventIndex::memoryUsage() const
{
    const auto postingBytes = [](const Postings &postings) {
        qsizetype bytes = heapBytes(postings.words) + heapBytes(postings.start) + heapBytes(postings.gaps);
        for (const QString &word : postings.words)
            bytes += qsizetype(sizeof(QArrayData)) + (word.capacity() + 1) * qsizetype(sizeof(QChar));
        return bytes;
    };
    return heapBytes(m_events) + heapBytes(m_actorStart) + heapBytes(m_actorIds) + heapBytes(m_articleEventStart)
           + heapBytes(m_articleEvents)
           + m_actorNumbers.capacity() * qsizetype(sizeof(QString) + sizeof(quint32) + sizeof(size_t)) + heapBytes(m_actorNames)
           + postingBytes(m_sentenceWords) + postingBytes(m_titleWords);
}

} // namespace dateline
