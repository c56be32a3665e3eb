fn main() {
    let bytes = std::fs::read(std::env::args().nth(1).expect("path")).expect("read");
    let doc = pagepith::extract(&bytes, &pagepith::Options::default()).expect("extract");
    println!("{}", serde_json::to_string(&doc).expect("json"));
}
