"""Name comparison shared by both resolution stages."""
from newskg.graph import names


def test_normal_form_ignores_case_accents_article_possessive_and_full_stops():
    assert names.normal("the U.S.") == "us"
    assert names.normal("Taliban\u2019s") == "taliban"
    assert names.normal("Zürich") == "zurich"
    # the Arabic article, transliterated 'al-' or 'el-', is one word (not inside another: "Hotel-Bar")
    assert names.normal("Abdel Karim el-Haidari") == names.normal("Abdel Karim al-Haidari")
    assert names.normal("Hotel-Bar") == "hotel-bar"


def test_initials_cover_the_name_and_its_part_before_of():
    assert names.initials("National Liberation Army of Colombia") == {"nlac", "nla"}
    assert names.acronym_of("UN", "United Nations")
    assert not names.acronym_of("UN", "Union Station Bank")


def test_contiguous_runs_tell_a_fuller_name_from_a_different_one():
    assert names.contiguous_in(["omar", "khan"], ["sayed", "omar", "khan", "durrani"])
    assert not names.contiguous_in(["omar", "durrani"], ["omar", "khan", "durrani"])


def test_spelling_variants_of_one_long_word_only():
    assert names.spelling_variant("Abdulrahman Yousef", "Abdulrahmen Yousef")
    assert not names.spelling_variant("Iran", "Iraq")
    assert not names.spelling_variant("Hamid Karimi", "Hamid Kazemi")
    assert not names.spelling_variant("Omar Samadi", "Amir Samadi")


def test_slugs_are_readable_and_ascii():
    assert names.slug("Ayşe Çelik-Ören") == "ayse-celik-oren"
    assert names.slug("U.S. Army") == "us-army"


def test_an_invisible_character_pasted_into_a_name_is_no_part_of_it():
    assert names.normal("\u200dAparna Garg") == names.normal("Aparna\u200b Garg") == names.normal("Aparna Garg")


def test_a_given_name_and_its_short_form():
    from newskg.graph.names import nickname_of, same_but_given_nickname

    assert nickname_of("Bill", "William") and nickname_of("Jim", "James") and nickname_of("Nick", "Nicholas")
    assert not nickname_of("Hunter", "Joe") and not nickname_of("Ann", "Ann")
    assert same_but_given_nickname(["bill", "weld"], ["william", "weld"])
    assert not same_but_given_nickname(["bill", "weld"], ["william", "smith"])


def test_the_short_way_for_names_of_plain_letters_gives_the_key_of_the_long_way():
    # normal() keys plain names (most of the gazetteers' tens of thousands) without folding and
    # the regular expressions; it must give the same key as the full steps
    from hypothesis import given, strategies as st

    word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8)
    words = st.lists(st.one_of(word, st.sampled_from(["the", "The", "THE", "isation", "Organisations"])),
                     min_size=1, max_size=4).map(" ".join)

    @given(words)
    def same(text):
        assert names._PLAIN.fullmatch(text)
        assert names._plain_key(text) == names._key(text)

    same()
    assert names.normal("The Zarin Organisation") == names.normal("Zarin Organization") == "zarin organization"
