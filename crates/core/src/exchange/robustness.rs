//! Hostile and damaged input for the readers: arbitrary bytes and valid files with bytes changed,
//! cut or repeated never make one panic, and deep or long input is read in a time that grows with
//! its length (the sizes here would take minutes if any step were quadratic).

use proptest::{collection::vec, prelude::*};

use super::{csv, iati, json, json::tests::dataset};

const SAMPLE: &str = include_str!("../../../../data/samples/iati-sample.xml");

/// Reads `bytes` with every reader, as every kind of file it could be.
fn read_as_everything(bytes: &[u8]) {
    if let Ok(parsed) = iati::read(bytes, "fuzz.xml") {
        iati::Merge::new(iati::Known::default()).add("fuzz.xml", parsed.records);
    }
    let _ = json::read(bytes, "fuzz.json");
    let _ = csv::read_actors(bytes, "actors.csv");
    let _ = csv::read_projects(bytes, "projects.csv");
    let _ = csv::read_resources(bytes, "resources.csv");
    let _ = csv::read_events(bytes, "events.csv");
    let _ = csv::read_country_facts(bytes, "country_facts.csv");
}

/// Valid files of each format, to be damaged.
fn valid_files() -> Vec<Vec<u8>> {
    let data = dataset();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    vec![
        SAMPLE.as_bytes().to_vec(),
        utf16,
        json::write(&data),
        csv::write_actors(&data.actors),
        csv::write_projects(&data.projects),
        csv::write_events(&data.events),
    ]
}

/// A change to a file: a byte set, a range cut out, or a range repeated.
#[derive(Debug, Clone)]
enum Damage {
    Set(usize, u8),
    Cut(usize, usize),
    Repeat(usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Damage::Set(at, b)),
        (any::<usize>(), 0..64usize).prop_map(|(at, n)| Damage::Cut(at, n)),
        (any::<usize>(), 0..64usize).prop_map(|(at, n)| Damage::Repeat(at, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, damages: &[Damage]) -> Vec<u8> {
    for d in damages {
        if bytes.is_empty() {
            break;
        }
        match *d {
            Damage::Set(at, b) => {
                let at = at % bytes.len();
                bytes[at] = b;
            }
            Damage::Cut(at, n) => {
                let at = at % bytes.len();
                bytes.drain(at..(at + n).min(bytes.len()));
            }
            Damage::Repeat(at, n) => {
                let at = at % bytes.len();
                let piece = bytes[at..(at + n).min(bytes.len())].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..4096)) {
        read_as_everything(&bytes);
    }

    #[test]
    fn damaged_files_never_panic(file in 0..6usize, damages in vec(damage(), 1..6), cut in any::<usize>()) {
        let mut bytes = apply(valid_files().swap_remove(file), &damages);
        read_as_everything(&bytes);
        bytes.truncate(cut % (bytes.len() + 1));
        read_as_everything(&bytes);
    }

    #[test]
    fn xml_built_of_iati_pieces_never_panics(pieces in vec(0..PIECES.len(), 0..200)) {
        let body: String = pieces.iter().map(|&i| PIECES[i]).collect();
        read_as_everything(format!("<iati-activities version=\"2.03\">{body}</iati-activities>").as_bytes());
        read_as_everything(format!("<iati-activities version=\"2.03\"><iati-activity>{body}").as_bytes());
    }
}

/// Pieces of IATI activities that are each allowed somewhere, for assembling in any order.
const PIECES: [&str; 22] = [
    "<iati-activity>",
    "</iati-activity>",
    "<iati-identifier>XM-EXAMPLE-1</iati-identifier>",
    "<iati-identifier>XM-EXAMPLE/1</iati-identifier>",
    "<title>",
    "</title>",
    "<narrative xml:lang=\"fr\">Titre</narrative>",
    "<narrative>Title</narrative>",
    "<activity-status code=\"5\"/>",
    "<activity-date type=\"2\" iso-date=\"2024-02-30\"/>",
    "<participating-org ref=\"51000\" role=\"4\">",
    "</participating-org>",
    "<budget type=\"2\"><period-start iso-date=\"2024-01-01\"/><value currency=\"XDR\">1.123456</value></budget>",
    "<budget><value>99999999999999999</value></budget>",
    "<recipient-country code=\"VN\"/>",
    "<recipient-region code=\"35\" vocabulary=\"2\"/>",
    "<sector code=\"15210\"/>",
    "<description type=\"2\">",
    "</description>",
    "&amp;&#x2014;&#0;&bogus;",
    "<![CDATA[<narrative>]]>",
    "<document-link url=\"javascript:alert(1)\"><title><narrative>x</narrative></title></document-link>",
];

#[test]
fn deep_and_long_inputs_finish() {
    let depth = 200_000;
    let deep = format!("<iati-activities version=\"2.03\">{}", "<x>".repeat(depth));
    assert!(iati::read(deep.as_bytes(), "deep.xml").is_err());
    let deep =
        format!("<iati-activities version=\"2.03\"><iati-activity>{}{}", "<x>".repeat(depth), "</x>".repeat(depth));
    assert!(iati::read(deep.as_bytes(), "deep.xml").is_err());
    let deep_json = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(json::read(deep_json.as_bytes(), "deep.json").is_err());
    let deep_value = format!(
        "{{\"format\":\"gfce-hub\",\"version\":1,\"projects\":[{}{}]}}",
        "{\"a\":".repeat(depth),
        "}".repeat(depth)
    );
    assert!(json::read(deep_value.as_bytes(), "deep.json").is_err());

    // One activity naming many organisations, sectors, budgets and links.
    let many = 30_000;
    let mut activity = String::from(
        "<iati-activities version=\"2.03\"><iati-activity default-currency=\"EUR\">\
         <iati-identifier>XM-EXAMPLE-LONG</iati-identifier><title><narrative>Long</narrative></title>\
         <activity-status code=\"2\"/>",
    );
    for i in 0..many {
        activity.push_str(&format!(
            "<participating-org ref=\"XM-EXAMPLE-{i}\" role=\"4\"><narrative>Org {i}</narrative></participating-org>\
             <sector vocabulary=\"99\" code=\"S{i}\"/>\
             <budget type=\"{}\"><period-start iso-date=\"2024-01-01\"/><value>1.5</value></budget>\
             <recipient-region code=\"R{i}\" vocabulary=\"1\"/>",
            1 + i % 2
        ));
    }
    activity.push_str("</iati-activity></iati-activities>");
    let parsed = iati::read(activity.as_bytes(), "long.xml").unwrap();
    let merged = iati::Merge::new(iati::Known::default()).add("long.xml", parsed.records);
    assert_eq!(merged.records.actors.len(), many);
    assert_eq!(merged.records.projects[0].record.participants.len(), many);

    // Many activities with two organisations between them, whose identifiers all make one slug.
    let identifier = |i: usize| {
        // The digits of i + 1 in base 3, written with three separators: a different identifier
        // for each i, and every one makes the slug xm-1.
        let (mut n, mut separators) = (i + 1, String::new());
        while n > 0 {
            separators.insert(0, ['-', '/', '.'][n % 3]);
            n /= 3;
        }
        format!("XM{separators}1")
    };
    let mut activities = String::from("<iati-activities version=\"2.03\">");
    for i in 0..many {
        activities.push_str(&format!(
            "<iati-activity><iati-identifier>{}</iati-identifier><title><narrative>A {i}</narrative>\
             </title><activity-status code=\"2\"/><participating-org ref=\"61\" role=\"1\"><narrative>Org {}</narrative>\
             </participating-org></iati-activity>",
            identifier(i),
            i % 2
        ));
    }
    activities.push_str("</iati-activities>");
    let parsed = iati::read(activities.as_bytes(), "many.xml").unwrap();
    let mut merge = iati::Merge::new(iati::Known::default());
    let merged = merge.add("many.xml", parsed.records);
    assert_eq!((merged.records.projects.len(), merged.records.actors.len()), (many, 2));
    assert_eq!(merged.warnings.len(), many - 1, "the first has the slug, each other a suffix");
    let again = merge.add("again.xml", iati::read(activities.as_bytes(), "again.xml").unwrap().records);
    assert_eq!(again.errors.len(), many, "each activity of the second file repeats one of the first");

    // An element with many attributes.
    let attributes: String = (0..many).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let xml = format!(
        "<iati-activities version=\"2.03\"><iati-activity{attributes}><participating-org{attributes}/>\
                       </iati-activity></iati-activities>"
    );
    assert_eq!(iati::read(xml.as_bytes(), "wide.xml").unwrap().errors.len(), 4, "no identifier, title, status or role");

    // A CSV file of many rows, one cell of many values, and a long text.
    let mut rows = String::from("slug,title_en,status,tags\n");
    for i in 0..many {
        rows.push_str(&format!("p{i},Project {i},ongoing,t{i}\n"));
    }
    let tags: Vec<String> = (0..many).map(|i| format!("tag {i}")).collect();
    rows.push_str(&format!("many,Many,ongoing,{}\n", tags.join(";")));
    rows.push_str(&format!("long,{},ongoing,\n", "x".repeat(1_000_000)));
    let parsed = csv::read_projects(rows.as_bytes(), "projects.csv").unwrap();
    assert_eq!((parsed.records.len(), parsed.errors.len()), (many + 1, 1));
}
