"""How `kg build -j N` hands articles to its extraction processes (graph.pipeline)."""
from newskg.graph.pipeline import _batches, in_order
from newskg.graph.records import Article


def article(n: int, words: int) -> Article:
    return Article(id=f"a{n}", text="word " * words, source=f"a{n}.txt")


def test_a_batch_ends_once_its_texts_are_long_enough_not_only_after_eight_articles():
    # a process holding a batch of eight with a 10,000-word article in it kept the other idle
    # behind it, results being taken in order
    articles = [article(0, 300), article(1, 10_000), article(2, 300), article(3, 300), article(4, 300)]
    batches = [[a.id for a in b] for b in _batches(articles, 8, 16_000)]
    assert batches == [["a0", "a1"], ["a2", "a3", "a4"]]
    assert [[a.id for a in b] for b in _batches(articles, 2)] == [["a0", "a1"], ["a2", "a3"], ["a4"]]


def test_results_come_in_submission_order_with_the_window_of_tasks_in_flight():
    submitted = []

    def tasks():
        for n in range(5):
            submitted.append(n)
            yield n

    seen = []
    for value in in_order(tasks(), 3, lambda n: [n]):
        seen.append((value, len(submitted)))
    # the first result is taken once three are in flight; the rest as each is submitted
    assert seen == [(0, 3), (1, 4), (2, 5), (3, 5), (4, 5)]
