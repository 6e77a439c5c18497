/// The frame every page of the HTML report shares: a strict content security policy (no
/// scripts, no external resources: the pages are self-contained), and one inline style sheet.
public enum HTMLPage {
  /// The start of a page titled `title`, up to the opening of `<main>`.
  public static func head(title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(HTMLText.escaped(title))</title>
    <style>\(style)</style>
    </head>
    <body>
    <main>

    """
  }

  /// The end of a page.
  public static let tail = "</main>\n</body>\n</html>\n"

  static let style = """
    body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0;\
    background:#fafafa}main{max-width:980px;margin:0 auto;padding:24px}h1{font-size:1.5em;\
    margin:.2em 0}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}\
    table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{text-align:left;\
    padding:4px 8px;border-bottom:1px solid #e4e4e4;vertical-align:top}th{background:#f0f0f0}\
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.badge{display:inline-block;\
    padding:1px 8px;border-radius:10px;font-size:.85em}.ok{background:#d7f0dc;color:#14532d}\
    .bad{background:#fbd9d5;color:#7f1d1d}.warn{background:#fdf0c8;color:#713f12}\
    .meta{color:#555}.turn{margin:1em 0;padding:.6em .9em;background:#fff;border-left:4px solid \
    #9ab}.turn.rupture{border-left-color:#d9534f}.cues{color:#666;font-style:italic}\
    .thought{color:#666}.says{margin:.3em 0}.response{margin:.4em 0 .4em 1.5em;padding:.5em .8em;\
    background:#eef4fb;border-radius:6px}.codes code{background:#e6e6e6;padding:0 4px;\
    border-radius:3px;margin-right:4px;font-size:.85em}.feedback{color:#333;margin-top:.3em}\
    .note{margin:.4em 0 .4em 1.5em;padding:.4em .8em;background:#fff8dc;border-radius:6px}\
    .episode-start{color:#a02020;font-weight:600}svg{max-width:100%;height:auto;background:#fff;\
    border:1px solid #e4e4e4}a{color:#1a5fb4}
    """
}
