#include "plan/stopwords.h"

#include <string>
#include <unordered_set>

namespace precis::detail {
namespace {

using word_set = std::unordered_set<std::string_view>;

// Arabic: prepositions, conjunctions, pronouns, demonstratives, relatives, auxiliaries and the commonest
// discourse words of news prose, already normalised (see the header).
const word_set &arabic() {
    static const word_set words{
        "في", "من", "الي", "علي", "عن", "مع", "ب", "ل", "ك", "و", "ف", "ثم", "او", "ام", "بل", "لكن", "لكن",
        "حتي", "اذا", "اذ", "ان", "انه", "انها", "انهم", "لان", "كان", "كانت", "كانوا", "يكون", "تكون", "ليس",
        "ليست", "قد", "لقد", "لم", "لن", "لا", "ما", "ماذا", "متي", "اين", "كيف", "هل", "هو", "هي", "هم", "هن",
        "هما", "انا", "نحن", "انت", "انتم", "هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء", "اولئك",
        "الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي", "كل", "بعض", "غير", "سوي", "عند",
        "عندما", "بين", "حول", "خلال", "بعد", "قبل", "منذ", "دون", "فوق", "تحت", "امام", "وراء", "لدي",
        "لدى", "ايضا", "كما", "حيث", "وقد", "وكان", "وكانت", "وهو", "وهي", "وفي", "ومن", "وعلي", "والي",
        "وان", "فان", "بان", "بانه", "كانه", "له", "لها", "لهم", "به", "بها", "بهم", "منه", "منها", "منهم",
        "فيه", "فيها", "فيهم", "عليه", "عليها", "عليهم", "اليه", "اليها", "عنه", "عنها", "ذات", "ذو", "اي",
        "اية", "ايه", "الا", "الي", "هناك", "هنا", "تم", "يتم", "وتم", "احد", "احدي", "مثل", "نحو", "عدد",
        "عده", "اكثر", "اقل", "جدا", "فقط", "ولا", "وما", "مما", "فيما", "بينما", "كذلك", "لذلك", "اما",
        "وهذا", "وهذه", "ذلك", "الذى", "يمكن", "حين", "وقال", "قال", "قالت", "وقالت", "اخري", "اخر", "وكل",
        "سنه", "عام", "يوم", "ضمن", "وذلك", "لهذا", "لهذه", "بهذا", "بهذه", "فهو", "فهي", "اليوم", "لدي",
    };
    return words;
}

const word_set &english() {
    static const word_set words{
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no",
        "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "s", "t", "ll", "re", "ve", "d", "m", "one", "may", "might", "must", "shall", "us", "via", "per",
        "told", "like", "new", "two", "get", "got", "many", "much", "yet", "still", "even", "since",
    };
    return words;
}

const word_set &french() {
    static const word_set words{
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "donc", "car", "ni",
        "que", "qu", "qui", "quoi", "dont", "où", "à", "au", "aux", "en", "dans", "par", "pour", "sur", "avec",
        "sans", "sous", "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "on", "nous", "vous", "je",
        "se", "s", "son", "sa", "ses", "leur", "leurs", "est", "sont", "a", "ont", "été", "être", "avoir",
        "pas", "ne", "n", "plus", "comme", "aussi", "y", "c", "a",
    };
    return words;
}

const word_set &spanish() {
    static const word_set words{
        "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "y", "o", "pero", "que",
        "quien", "en", "por", "para", "con", "sin", "sobre", "se", "su", "sus", "es", "son", "fue", "ha",
        "han", "no", "lo", "le", "les", "como", "más", "este", "esta", "estos", "estas", "ese", "esa",
    };
    return words;
}

const word_set &german() {
    static const word_set words{
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder",
        "aber", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur",
        "für", "ist", "sind", "war", "hat", "haben", "wird", "werden", "nicht", "sich", "er", "sie", "es",
        "wir", "ihr", "als", "auch", "dass", "wie", "so",
    };
    return words;
}

}  // namespace

bool is_stop_word(std::string_view word, std::string_view language) noexcept {
    const word_set *set = nullptr;
    if (language == "ar") set = &arabic();
    else if (language == "en") set = &english();
    else if (language == "fr") set = &french();
    else if (language == "es") set = &spanish();
    else if (language == "de") set = &german();
    return set && set->count(word) > 0;
}

}  // namespace precis::detail
