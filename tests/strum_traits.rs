//! The provider enums implement strum's `IntoEnumIterator` and `EnumCount` by hand (no
//! `strum_macros` in the crate's build). Differential: the hand-written iterator and the one
//! `#[derive(EnumIter)]` writes answer every sequence of calls alike, each checked against
//! the same model (a range of indices, narrowed from both ends), and `COUNT` is the number of
//! variants as the derive counts them.

use std::{collections::HashMap, fmt::Debug, hash::Hash};

use cloud_errcodes::{LeanCloudError, OpenListError, ProviderError, QingStorError, UpyunError};
use strum::{EnumCount, IntoEnumIterator};

/// What the derive writes, on enums of a few sizes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, strum::EnumIter, strum::EnumCount)]
enum One {
    A,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, strum::EnumIter, strum::EnumCount)]
enum Seven {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
}

/// One call on an iterator.
#[derive(Clone, Copy, Debug)]
enum Op {
    Next,
    NextBack,
    Nth(usize),
    NthBack(usize),
    /// Clone the iterator and drain the clone: the original must not move.
    CloneDrain,
}

/// What a call answered: the index of the variant returned, and the length left after it.
type Answer = (Option<usize>, usize);

/// The model: the variants left are the indices `front..back`.
fn model(count: usize, ops: &[Op]) -> Vec<Answer> {
    let (mut front, mut back) = (0, count);
    ops.iter()
        .map(|op| {
            let got = match *op {
                Op::Next | Op::Nth(0) if front < back => {
                    front += 1;
                    Some(front - 1)
                }
                Op::Nth(n) if n < back - front => {
                    front += n + 1;
                    Some(front - 1)
                }
                Op::NextBack | Op::NthBack(0) if front < back => {
                    back -= 1;
                    Some(back)
                }
                Op::NthBack(n) if n < back - front => {
                    back -= n + 1;
                    Some(back)
                }
                Op::Next | Op::Nth(_) | Op::NextBack | Op::NthBack(_) => {
                    front = back;
                    None
                }
                Op::CloneDrain => None,
            };
            (got, back - front)
        })
        .collect()
}

/// The answers of `T::iter()` to `ops`, variants given as their index in iteration order.
fn run<T: IntoEnumIterator + Eq + Hash + Copy + Debug>(ops: &[Op]) -> Vec<Answer> {
    let index: HashMap<T, usize> = T::iter().enumerate().map(|(i, v)| (v, i)).collect();
    let mut iter = T::iter();
    ops.iter()
        .map(|op| {
            let got = match *op {
                Op::Next => iter.next(),
                Op::NextBack => iter.next_back(),
                Op::Nth(n) => iter.nth(n),
                Op::NthBack(n) => iter.nth_back(n),
                Op::CloneDrain => {
                    let (len, clone) = (iter.len(), iter.clone());
                    assert_eq!(clone.count(), len);
                    None
                }
            };
            let (low, high) = iter.size_hint();
            assert_eq!((Some(low), high), (Some(iter.len()), Some(iter.len())));
            (got.map(|v| index[&v]), iter.len())
        })
        .collect()
}

/// Call sequences from a seed: steps of every kind, `nth` distances up to past the end.
fn sequences(count: usize) -> impl Iterator<Item = Vec<Op>> {
    let mut state = 0x9E37_79B9_u64;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    (0..400).map(move |_| {
        (0..next(24) + 1)
            .map(|_| match next(5) {
                0 => Op::Next,
                1 => Op::NextBack,
                2 => Op::Nth(next(count + 3)),
                3 => Op::NthBack(next(count + 3)),
                _ => Op::CloneDrain,
            })
            .collect()
    })
}

/// The derive's iterator follows the model...
fn derived<T: IntoEnumIterator + EnumCount + Eq + Hash + Copy + Debug>() {
    for ops in sequences(T::COUNT) {
        assert_eq!(run::<T>(&ops), model(T::COUNT, &ops), "{ops:?}");
    }
}

/// ...and so does ours, whose order is `ALL`'s and whose count is the number of variants.
fn ours<E: ProviderError + IntoEnumIterator + EnumCount + Hash + Debug>() {
    assert_eq!(E::COUNT, E::ALL.len());
    assert!(E::iter().eq(E::ALL.iter().copied()));
    assert!(E::iter().rev().eq(E::ALL.iter().rev().copied()));
    assert!(E::iter().eq(E::all()), "the same order as `ProviderError::all`");
    let distinct: std::collections::HashSet<E> = E::iter().collect();
    assert_eq!(distinct.len(), E::COUNT, "every variant once");
    for ops in sequences(E::COUNT) {
        assert_eq!(run::<E>(&ops), model(E::COUNT, &ops), "{ops:?}");
    }
}

#[test]
fn the_derive_follows_the_model() {
    derived::<One>();
    derived::<Seven>();
    assert_eq!((One::COUNT, Seven::COUNT), (1, 7));
}

#[test]
fn the_provider_enums_follow_it_too() {
    ours::<UpyunError>();
    ours::<QingStorError>();
    ours::<LeanCloudError>();
    ours::<OpenListError>();
}

/// The bounds strum puts on the iterator type, which the model does not show.
#[test]
fn the_iterator_is_fused() {
    fn fused<I: std::iter::FusedIterator>(_: I) {}
    fused(UpyunError::iter());
    let mut iter = QingStorError::iter();
    iter.nth(QingStorError::COUNT);
    assert_eq!((iter.next(), iter.next_back(), iter.next()), (None, None, None));
}
