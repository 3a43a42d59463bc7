//! Counting the facet values of the matching documents.
//!
//! tantivy's `FacetCollector` names each counted value by looking its ordinal up in the segment's
//! facet dictionary, which decodes a dictionary block for every value; with every country and
//! region among the values that lookup was a fifth of a broad search. This collector counts
//! ordinals, then reads the dictionary once, in order, naming only the ordinals it counted.
//!
//! Reading a document's ordinals from the bit-packed column was then half of a broad search (a
//! project has a dozen facet values: its countries with their regions at every level, its years,
//! themes, status). Segments never change once written, so [`FacetOrds`] decodes each segment's
//! ordinals once, when a commit makes the segment visible, into plain arrays.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
};

use tantivy::{
    collector::{Collector, SegmentCollector},
    fastfield::FacetReader,
    index::SegmentId,
    DocId, Score, Searcher, SearcherGeneration, SegmentOrdinal, SegmentReader, Warmer,
};

/// The field every facet is in.
pub(crate) const FIELD: &str = "facets";

/// A segment's facet ordinals, document by document: those of document `d` are
/// `ords[starts[d]..starts[d + 1]]`, sorted.
struct SegmentOrds {
    starts: Vec<u32>,
    ords: Vec<u32>,
}

impl SegmentOrds {
    fn decode(reader: &FacetReader, max_doc: DocId) -> Self {
        let mut starts = Vec::with_capacity(max_doc as usize + 1);
        let mut ords = Vec::new();
        starts.push(0);
        for doc in 0..max_doc {
            ords.extend(reader.facet_ords(doc).map(|ord| ord as u32));
            starts.push(ords.len() as u32);
        }
        SegmentOrds { starts, ords }
    }

    fn of(&self, doc: DocId) -> &[u32] {
        let doc = doc as usize;
        &self.ords[self.starts[doc] as usize..self.starts[doc + 1] as usize]
    }
}

/// The decoded ordinals of the segments searchers can see; a reader warmer, so it decodes new
/// segments as they are committed and forgets merged-away ones.
#[derive(Default)]
pub(crate) struct FacetOrds(RwLock<HashMap<SegmentId, Arc<SegmentOrds>>>);

impl FacetOrds {
    fn of(&self, segment: &SegmentReader, reader: &FacetReader) -> Arc<SegmentOrds> {
        let id = segment.segment_id();
        if let Some(found) = self.0.read().unwrap_or_else(|e| e.into_inner()).get(&id) {
            return found.clone();
        }
        let decoded = Arc::new(SegmentOrds::decode(reader, segment.max_doc()));
        self.0.write().unwrap_or_else(|e| e.into_inner()).insert(id, decoded.clone());
        decoded
    }
}

impl Warmer for FacetOrds {
    fn warm(&self, searcher: &Searcher) -> tantivy::Result<()> {
        for segment in searcher.segment_readers() {
            self.of(segment, &segment.facet_reader(FIELD)?);
        }
        Ok(())
    }

    fn garbage_collect(&self, live_generations: &[&SearcherGeneration]) {
        let live = |id: &SegmentId| live_generations.iter().any(|g| g.segments().contains_key(id));
        self.0.write().unwrap_or_else(|e| e.into_inner()).retain(|id, _| live(id));
    }
}

/// A facet value: its dimension (`type`, `theme`, …) and the value within it.
pub(crate) type FacetValue = (String, String);

/// Counts, over the matches, the values of the two-level facets (`/dimension/value`).
pub(crate) struct FacetCounter<'a> {
    pub ords: &'a FacetOrds,
}

pub(crate) struct SegmentFacetCounter {
    reader: FacetReader,
    ords: Arc<SegmentOrds>,
    counts: Vec<u32>,
}

impl Collector for FacetCounter<'_> {
    type Fruit = HashMap<FacetValue, u64>;
    type Child = SegmentFacetCounter;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCounter> {
        let reader = segment.facet_reader(FIELD)?;
        let ords = self.ords.of(segment, &reader);
        let counts = vec![0; reader.num_facets()];
        Ok(SegmentFacetCounter { reader, ords, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<std::io::Result<Vec<(FacetValue, u32)>>>,
    ) -> tantivy::Result<HashMap<FacetValue, u64>> {
        let mut merged: HashMap<FacetValue, u64> = HashMap::new();
        for segment in segments {
            for (value, count) in segment? {
                *merged.entry(value).or_default() += u64::from(count);
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = std::io::Result<Vec<(FacetValue, u32)>>;

    fn collect(&mut self, doc: DocId, _: Score) {
        // A document's ordinals come sorted, a value given twice (a region reached through two
        // countries) side by side: it counts once.
        let mut previous = u32::MAX;
        for &ord in self.ords.of(doc) {
            if ord != previous {
                self.counts[ord as usize] += 1;
                previous = ord;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut found = Vec::new();
        let Some(last) = self.counts.iter().rposition(|&c| c > 0) else { return Ok(found) };
        let mut terms = self.reader.facet_dict().stream()?;
        while terms.advance() {
            let ord = terms.term_ord() as usize;
            if ord > last {
                break;
            }
            let count = self.counts[ord];
            if count == 0 {
                continue;
            }
            // A facet's encoded form separates its path's parts with NUL.
            let named = std::str::from_utf8(terms.key()).ok().and_then(|key| key.split_once('\0'));
            if let Some((dimension, value)) = named {
                found.push(((dimension.to_owned(), value.to_owned()), count));
            }
        }
        Ok(found)
    }
}
