use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    common::{slugs, TestApp},
    on_both_databases,
};

on_both_databases!(
    lists_the_42_founding_members,
    member_filters_narrow_the_list,
    paginates,
    refuses_malformed_parameters_naming_them,
    odd_input_never_fails,
    shows_one_member,
    lists_the_gccs_series,
    lists_reference_data,
    describes_itself_with_openapi,
);

async fn lists_the_42_founding_members(app: TestApp) {
    let (status, list) = app.json("/api/v1/members?per_page=500").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 42);
    assert_eq!(list["page"], 1);
    assert_eq!(list["per_page"], 500);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 42);
    let countries = items.iter().filter(|m| m["kind"] == "country").count();
    assert_eq!(countries, 29);
    assert_eq!(items.len() - countries, 13);
    for m in items {
        assert_eq!(m["founding"], true, "{m}");
        assert_eq!(m["membership"], "member", "{m}");
        assert_eq!(m["joined_on"], "2015-04-16", "{m}");
        assert!(m["name"]["en"].is_string() && m["name"]["vi"].is_string(), "{m}");
    }
    let vn = items.iter().find(|m| m["slug"] == "viet-nam").expect("Viet Nam is a founding member");
    assert_eq!(vn["name"]["en"], "Viet Nam");
    assert_eq!(vn["name"]["vi"], "Việt Nam");
    assert_eq!(vn["country"], "VN");
    let kinds = |kind: &str| items.iter().filter(|m| m["kind"] == kind).count();
    assert_eq!((kinds("intergovernmental"), kinds("international"), kinds("company")), (6, 1, 6));
    // Sorted by English name.
    let names: Vec<&str> = items.iter().map(|m| m["name"]["en"].as_str().unwrap()).collect();
    assert_eq!(names.first(), Some(&"African Union"));
    assert_eq!(names.last(), Some(&"Vodafone Group"));
}

async fn member_filters_narrow_the_list(app: TestApp) {
    let total = |query: &'static str| {
        let app = &app;
        async move {
            let (status, list) = app.json(&format!("/api/v1/members?per_page=500&{query}")).await;
            assert_eq!(status, StatusCode::OK, "{query}: {list}");
            (list["total"].as_u64().unwrap(), slugs(&list))
        }
    };
    assert_eq!(total("kind=company").await.0, 6);
    assert_eq!(total("kind=country").await.0, 29);
    assert_eq!(total("membership=member").await.0, 42);
    assert_eq!(total("membership=partner").await.0, 0);
    assert_eq!(total("founding=true").await.0, 42);
    assert_eq!(total("founding=false").await.0, 0);
    assert_eq!(total("region=035").await.1, ["viet-nam"]);
    // Asia: India, Bangladesh, Israel, Japan, Korea, Türkiye, Viet Nam, and Huawei's seat China.
    assert_eq!(total("region=142").await.0, 8);
    assert_eq!(total("region=002").await.1, ["african-union", "kenya", "morocco", "senegal"]);
    // Intermediate region: Western Africa.
    assert_eq!(total("region=011").await.1, ["senegal"]);
    assert_eq!(
        total("country=us").await.1,
        ["cisco", "hewlett-packard", "microsoft", "organization-of-american-states", "symantec", "united-states"]
    );
    assert_eq!(total("kind=company&country=US").await.0, 4);
    assert_eq!(total("q=viet").await.1, ["viet-nam"]);
    assert_eq!(total("q=Vi%E1%BB%87t").await.1, ["viet-nam"]);
    assert_eq!(total("q=HOA%20KY").await.1, ["united-states"]);
    assert_eq!(total("q=OAS").await.1, ["organization-of-american-states"]);
    assert_eq!(total("q=Nauy").await.1, ["norway"], "the source's spelling is searchable");
    assert_eq!(total("q=%25").await.0, 0, "a % is a literal, not a wildcard");
    assert_eq!(total("q=_").await.0, 0, "an _ is a literal, not a wildcard");
    assert_eq!(total("theme=data-protection").await.0, 0);
    assert_eq!(total("kind=&region=&q=").await.0, 42, "empty values mean no filter");
}

async fn paginates(app: TestApp) {
    let (_, page) = app.json("/api/v1/members?per_page=10&page=5").await;
    assert_eq!(
        (page["total"].as_u64(), page["page"].as_u64(), page["per_page"].as_u64()),
        (Some(42), Some(5), Some(10))
    );
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let (_, beyond) = app.json("/api/v1/members?per_page=10&page=9").await;
    assert_eq!(beyond["items"].as_array().unwrap().len(), 0);
    assert_eq!(beyond["total"], 42);
    let (_, default) = app.json("/api/v1/members").await;
    assert_eq!(default["per_page"], 50);
    let mut seen = Vec::new();
    for page in 1..=5 {
        let (_, list) = app.json(&format!("/api/v1/members?per_page=10&page={page}")).await;
        seen.extend(slugs(&list));
    }
    let (_, all) = app.json("/api/v1/members?per_page=500").await;
    assert_eq!(seen, slugs(&all), "pages cover the list once, in order");
}

async fn refuses_malformed_parameters_naming_them(app: TestApp) {
    let cases = [
        ("/api/v1/members?per_page=abc", "per_page"),
        ("/api/v1/members?per_page=501", "per_page"),
        ("/api/v1/members?per_page=0", "per_page"),
        ("/api/v1/members?page=0", "page"),
        ("/api/v1/members?page=-1", "page"),
        ("/api/v1/members?region=999", "region"),
        ("/api/v1/members?region=asia", "region"),
        ("/api/v1/members?region=35", "region"),
        ("/api/v1/members?country=XX", "country"),
        ("/api/v1/members?country=VNM", "country"),
        ("/api/v1/members?kind=nation", "kind"),
        ("/api/v1/members?membership=observer", "membership"),
        ("/api/v1/members?founding=yes", "founding"),
        ("/api/v1/members?theme=unknown-theme", "theme"),
        ("/api/v1/members?theme=Not%20A%20Theme", "theme"),
        ("/api/v1/members?kind=country&kind=company", "query"),
        ("/api/v1/members?q=a%00b", "q"),
        ("/api/v1/events?series=nope", "series"),
        ("/api/v1/events?per_page=x", "per_page"),
        ("/api/v1/countries?per_page=1000", "per_page"),
        ("/api/v1/themes?page=a", "page"),
    ];
    for (path, param) in cases {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json", "{path}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["param"], param, "{path}: {problem}");
        assert_eq!(problem["status"], 400);
        assert_eq!(problem["type"], "urn:gfce-hub:problem:invalid-parameter");
        assert!(problem["detail"].as_str().unwrap().contains(param), "{path}: {problem}");
    }

    let english: Value = app.get_lang("/api/v1/members?per_page=abc", "en-GB").await.json().await.unwrap();
    assert_eq!(english["title"], "Invalid parameter");
    assert_eq!(english["detail"], "The parameter “per_page” must be a whole number from 1 to 500.");
    let vietnamese: Value = app.get_lang("/api/v1/members?region=999", "vi-VN,vi;q=0.9").await.json().await.unwrap();
    assert_eq!(vietnamese["title"], "Tham số không hợp lệ");
    assert!(vietnamese["detail"].as_str().unwrap().starts_with("Tham số “region” không phải là mã khu vực"));
}

async fn odd_input_never_fails(app: TestApp) {
    let probes = [
        "' OR 1=1 --",
        "\"; DROP TABLE members; --",
        "%' OR '1'='1",
        "<script>alert(1)</script>",
        "\\",
        "${jndi:ldap://127.0.0.1/a}",
        "Ω≈ç√∫˜µ≤≥÷ 表ポあ 🛡️",
        "\u{0}",
        "a",
    ];
    let params = ["q", "kind", "membership", "founding", "region", "country", "theme", "page", "per_page"];
    for probe in probes {
        for param in params {
            let url = format!("{}/api/v1/members", app.base);
            let response = app.client.get(&url).query(&[(param, probe)]).send().await.unwrap();
            let status = response.status();
            assert!(status == StatusCode::OK || status == StatusCode::BAD_REQUEST, "{param}={probe:?} gave {status}");
            let body: Value = response.json().await.unwrap();
            if status == StatusCode::OK {
                assert!(body["total"].as_u64().unwrap() <= 42);
            } else {
                assert_eq!(body["param"], param);
            }
        }
    }
    let long = "x".repeat(5000);
    let response = app.client.get(format!("{}/api/v1/members", app.base)).query(&[("q", &long)]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    // Nothing was written or lost by any of it.
    let (_, list) = app.json("/api/v1/members").await;
    assert_eq!(list["total"], 42);
}

async fn shows_one_member(app: TestApp) {
    let (status, vn) = app.json("/api/v1/members/viet-nam").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(vn["slug"], "viet-nam");
    assert_eq!(vn["kind"], "country");
    assert_eq!(vn["listed_as"], "Việt Nam");
    assert_eq!(vn["html"]["vi"], "/vi/members/viet-nam");
    let (_, eu) = app.json("/api/v1/members/european-union").await;
    assert_eq!(
        (eu["kind"].as_str(), eu["country"].as_str(), eu["short_name"].as_str()),
        (Some("intergovernmental"), Some("BE"), Some("EU"))
    );
    let (_, icc) = app.json("/api/v1/members/international-chamber-of-commerce").await;
    assert_eq!(icc["kind"], "international");
    let (_, uk) = app.json("/api/v1/members/united-kingdom").await;
    assert_eq!((uk["country"].as_str(), uk["listed_as"].as_str()), (Some("GB"), Some("Anh")));

    for path in ["/api/v1/members/nobody", "/api/v1/members/NOT-A-SLUG", "/api/v1/members/%FF", "/api/v1/members/a%2Fb"]
    {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["status"], 404);
    }
}

async fn lists_the_gccs_series(app: TestApp) {
    let (status, list) = app.json("/api/v1/events?series=gccs").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 4);
    let hosts: Vec<(String, String, String)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["starts_on"].as_str().unwrap()[..4].to_owned(),
                e["city"]["en"].as_str().unwrap().to_owned(),
                e["country"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected =
        [("2015", "The Hague", "NL"), ("2013", "Seoul", "KR"), ("2012", "Budapest", "HU"), ("2011", "London", "GB")];
    let expected: Vec<(String, String, String)> =
        expected.iter().map(|(y, c, k)| ((*y).into(), (*c).into(), (*k).into())).collect();
    assert_eq!(hosts, expected, "most recent first");

    let (_, hague) = app.json("/api/v1/events/gccs-2015").await;
    assert_eq!(hague["series"], "gccs");
    assert_eq!((hague["starts_on"].as_str(), hague["ends_on"].as_str()), (Some("2015-04-16"), Some("2015-04-17")));
    assert_eq!(hague["city"]["vi"], "La Hay");
    assert_eq!(app.get("/api/v1/events/gccs-2014").await.status(), StatusCode::NOT_FOUND);
    let (_, all) = app.json("/api/v1/events").await;
    assert_eq!(all["total"], 4);
}

async fn lists_reference_data(app: TestApp) {
    let (_, countries) = app.json("/api/v1/countries").await;
    assert_eq!(countries["total"], 249);
    assert_eq!(countries["items"].as_array().unwrap().len(), 249, "the whole list fits the default page");
    let vn = countries["items"].as_array().unwrap().iter().find(|c| c["code"] == "VN").unwrap();
    assert_eq!((vn["alpha3"].as_str(), vn["numeric"].as_str()), (Some("VNM"), Some("704")));
    assert_eq!((vn["region"].as_str(), vn["sub_region"].as_str()), (Some("142"), Some("035")));
    assert_eq!(vn["name"]["vi"], "Việt Nam");
    let (_, page) = app.json("/api/v1/countries?per_page=100&page=3").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 49);

    let (_, themes) = app.json("/api/v1/themes").await;
    assert_eq!(themes["total"], 10);
    let ids: Vec<&str> = themes["items"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(
        &ids[..5],
        ["information-security", "cybercrime-prevention", "data-protection", "e-government", "cert-cooperation"]
    );
    let crime = themes["items"].as_array().unwrap().iter().find(|t| t["id"] == "cybercrime-prevention").unwrap();
    assert_eq!(crime["related"], serde_json::json!(["cybercrime"]));
    assert_eq!(crime["name"]["vi"], "Phòng chống tội phạm mạng");

    let (_, regions) = app.json("/api/v1/regions").await;
    let sea = regions["items"].as_array().unwrap().iter().find(|r| r["code"] == "035").unwrap();
    assert_eq!((sea["parent"].as_str(), sea["level"].as_str()), (Some("142"), Some("sub_region")));
    assert_eq!(sea["name"]["vi"], "Đông Nam Á");
}

async fn describes_itself_with_openapi(app: TestApp) {
    let (status, doc) = app.json("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/members",
        "/api/v1/members/{slug}",
        "/api/v1/events",
        "/api/v1/events/{slug}",
        "/api/v1/countries",
        "/api/v1/regions",
        "/api/v1/themes",
        "/api/v1/actors",
        "/api/v1/actors/{slug}",
        "/api/v1/projects",
        "/api/v1/projects/{slug}",
        "/api/v1/tools",
        "/api/v1/tools/{slug}",
        "/api/v1/publications",
        "/api/v1/publications/{slug}",
        "/api/v1/countries/{code}",
        "/api/v1/export.json",
        "/api/v1/search",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} is documented");
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/members"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for p in ["kind", "membership", "founding", "region", "country", "theme", "q", "page", "per_page"] {
        assert!(params.contains(&p), "{p} is documented");
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert!(doc["paths"]["/api/v1/members"]["get"]["responses"]["400"].is_object());
}
