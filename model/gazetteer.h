#pragma once

#include "article.h"
#include "datevalue.h"
#include "textfolding.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <span>
#include <vector>

namespace dateline {

enum class ActorKind : quint8 { Person, Country, Organisation };

QString actorKindName(ActorKind kind);

struct ActorRole
{
    QStringList phrases;
    QDate from;
    QDate to;   // invalid: still in office
};

struct Actor
{
    QString name;       // canonical English name
    ActorKind kind = ActorKind::Person;
    QString country;    // for people: the country or organisation they serve
    QStringList aliases;
    QStringList metonyms;
    QStringList demonyms;
    QList<ActorRole> roles;
};

// How an actor was named in the text.
enum class MentionKind : quint8 {
    Name,      // an alias: "Sergueï Lavrov", "la Russie"
    ShortName, // a surname once the full name has appeared: "Lavrov", "M. Qin"
    Metonym,   // "Moscou", "le Kremlin"
    Role,      // "le ministre chinois des Affaires étrangères", resolved on the date
    Unlisted,  // a person introduced by a title but not in the gazetteer
};

struct ActorMention
{
    TextSpan span;
    int actor = -1;        // index into Gazetteer::actors(); -1 for unlisted people
    QString unlistedName;  // the name as written, for unlisted people
    MentionKind kind = MentionKind::Name;
    bool locative = false; // a place rather than an agent: "à Moscou", "en Chine"
};

// What earlier sentences of the same article told: which short names stand for whom.
struct MentionContext
{
    // Folded surname -> actor: a handful per article, compared in place rather than hashed. Views
    // of the gazetteer's entries: copies would count references to strings every thread shares.
    std::vector<std::pair<QStringView, int>> shortNames;
    int actorOfShortName(QStringView shortName) const  // -1 if none
    {
        for (const auto &[name, actor] : shortNames)
            if (WordEqual{}(name, shortName))
                return actor;
        return -1;
    }
    // `shortName` is viewed, not copied: it must outlive the context, as the gazetteer's entries do.
    void setShortName(QStringView shortName, int actor)
    {
        for (auto &[name, known] : shortNames) {
            if (WordEqual{}(name, shortName)) {
                known = actor;
                return;
            }
        }
        shortNames.emplace_back(shortName, actor);
    }
    void setShortName(QString &&, int) = delete;  // a temporary would leave its view dangling
    QHash<QString, QString> unlistedShortNames;  // folded surname -> full name of an unlisted person
    QSet<int> named;                             // actors named so far
};

// The actors Dateline knows (resources/actors.json, extended by the user's actors.json)
// and the matcher that finds them in French text.
class Gazetteer final
{
public:
    Gazetteer();  // built-in resource merged with the user's file
    explicit Gazetteer(const QJsonObject &resource, QStringList *problems = nullptr);
    Q_DISABLE_COPY_MOVE(Gazetteer)  // its word maps view strings it owns

    const QList<Actor> &actors() const { return m_actors; }
    int indexOf(const QString &name) const;  // by canonical name or alias, -1 if unknown

    // Finds the actors in text[range]. `folded` is foldForMatching(text). Roles resolve on `date`,
    // or on the span from `date` to `until` when the date is only known to lie in it (left out
    // when no holder can be told); `context` carries short names across sentences.
    QList<ActorMention> findMentions(QStringView text, QStringView folded, TextSpan range, const DateValue &date,
                                     MentionContext &context, const DateValue &until = {}) const;

private:
    // What findMentions() asks of every word, found with one lookup: the entries it starts and
    // the lists it is in.
    enum WordClass : quint8 {
        ShortName = 1,         // some entry's short name
        Institution = 2,       // "ministère", "armée": a demonym after it names a country
        Title = 4,             // "ministre", "président": may introduce an unlisted person
        TitleCapitalised = 8,  // "Affaires", "Défense": capitalised inside a title, not a name
    };
    struct EntriesStartingWith;
    struct WordFacts
    {
        const EntriesStartingWith *entries = nullptr;  // in m_entriesByFirstWord, if it starts some
        quint8 classes = 0;                           // WordClass bits
    };

    struct Entry
    {
        QStringList words;  // folded words of the phrase
        int actor = -1;     // for names and metonyms
        MentionKind kind = MentionKind::Name;
        QList<std::pair<int, int>> holders;  // for roles: (actor, role index)
        QString shortName;  // for people's names: the folded surname later sentences may use alone
    };

    void load(const QJsonObject &resource, QStringList *problems);
    void addEntry(const QString &phrase, int actor, MentionKind kind, int role, QStringList *problems);
    std::vector<int> &entriesStartingLike(const QStringList &words);
    QString shortNameOf(const Actor &actor, const QString &alias) const;
    static QString foldWords(const QString &phrase);
    QStringView keep(const QString &word);
    int holderOn(const Entry &entry, QDate first, QDate last, const QSet<int> &named) const;
    bool isLocative(QStringView folded, qsizetype rangeStart, qsizetype at) const;
    void addCountryMentions(QStringView text, QStringView folded, const WordSpans &words, std::span<const size_t> wordHashes,
                            std::span<const WordFacts> wordFacts, std::span<bool> covered, QList<ActorMention> &mentions) const;
    void dropRolesNamedInApposition(QStringView text, QList<ActorMention> &mentions) const;

    QList<Actor> m_actors;
    QHash<QString, int> m_byName;            // folded canonical names and aliases
    // The entries that start with a word, split by the word after it: "chef", "ministre" and
    // "président" each open hundreds of roles, and a mention only needs those it goes on like.
    struct EntriesStartingWith
    {
        std::vector<int> oneWord;  // indices into m_entries, in order, as are the lists below
        WordMap<std::vector<int>> bySecondWord;
    };
    WordMap<EntriesStartingWith> m_entriesByFirstWord;
    QList<Entry> m_entries;
    QStringList m_locatives;                 // folded, longest first
    WordMap<int> m_demonyms;                 // folded demonym or combining form -> country
    qsizetype m_shortestDemonymCompound = 0;  // the length of the shortest word two of them make: "sino-indo"
    WordMap<WordFacts> m_wordFacts;          // the entries' first words, short names, institutions and title words
    std::deque<QString> m_words;             // what the word maps' keys view
};

} // namespace dateline
