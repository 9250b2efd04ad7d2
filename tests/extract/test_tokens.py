"""`extract.tokens` yields the tokens a loop over the sentence with the same test would."""

from __future__ import annotations

from crosstally.extract.tokens import with_lemma, with_word
from crosstally.lexicon import lexicon

TEXT = (
    "According to the ministry, 40 people died in Wajima per day. "
    "Police SAID on Sunday that 300 were hurt, citing the Red Cross; by the agency's count "
    "the toll in the city rose. In the words of the mayor, it was a catastrophe."
)


def test_with_word_and_with_lemma_are_the_filtered_sentence(nlp):
    doc = nlp(TEXT)
    lex = lexicon()
    words = [{"according", "per", "by", "words", "citing"}, {"in", "on", "at"}, lex.rate_words]
    assert len(list(doc.sents)) == 3
    for sent in doc.sents:
        for group in words:
            expected = [t.i for t in sent if t.lower_ in group]
            assert [t.i for t in with_word(sent, group)] == expected
        expected = [t.i for t in sent if t.lemma_.lower() in lex.reporting_verbs]
        assert [t.i for t in with_lemma(sent, lex.reporting_verbs)] == expected
    assert [t.text for t in with_word(doc[:], {"according", "said"})] == ["According", "SAID"]
