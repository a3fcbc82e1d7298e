//! The Markdown export: a report a person reads or pastes, that renders the
//! same on GitHub and in pandoc.
//!
//! User text only ever appears inside a line that this writer starts (after
//! `## `, `- `, `| ` …), so escaping inline syntax is enough: no user text can
//! open a block. It is flattened to one line, its control characters are made
//! visible, and every character that CommonMark, GitHub or pandoc could read as
//! syntax is backslash-escaped.

use std::io::{self, Write};

use crate::model::{Actor, StanceKind};
use crate::summary::{self, ArticleSummary, ClaimSummary, StanceSummary};
use crate::text;

/// Writes the report: each article with its claims and stances, then the
/// actors table and the contested claims of the whole export.
pub fn write(summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# Claim summary")?;
    for summary in summaries {
        article(summary, out)?;
    }
    actors(summaries, out)?;
    contested(summaries, out)
}

fn article(summary: &ArticleSummary<'_>, out: &mut impl Write) -> io::Result<()> {
    let a = summary.article;
    writeln!(out, "\n## {}", inline(&a.title))?;
    let mut meta = Vec::new();
    if let Some(published) = &a.published {
        meta.push(inline(published.as_str()));
    }
    if let Some(outlet) = a.outlet.as_deref().filter(|s| !blank(s)) {
        meta.push(format!("*{}*", inline(outlet)));
    }
    let byline: Vec<_> = a
        .byline
        .iter()
        .filter(|s| !blank(s))
        .map(|s| inline(s))
        .collect();
    if !byline.is_empty() {
        meta.push(format!("by {}", byline.join(", ")));
    }
    if let Some(url) = a.url.as_deref().filter(|s| !blank(s)) {
        meta.push(link(url));
    }
    if !meta.is_empty() {
        writeln!(out, "\n{}", meta.join(" · "))?;
    }
    if summary.claims.is_empty() {
        writeln!(out, "\nNo claims are annotated in this article.")?;
    }
    for claim in &summary.claims {
        self::claim(claim, out)?;
    }
    Ok(())
}

fn claim(summary: &ClaimSummary<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "\n### {}", inline(&summary.claim.statement))?;
    writeln!(out, "\nStatus: **{}**", summary.status)?;
    if !summary.about.is_empty() {
        writeln!(out, "\nAbout: {}", list(summary.about.iter().copied()))?;
    }
    if let Some(quote) = summary.claim.quote.as_deref().filter(|s| !blank(s)) {
        writeln!(out, "\n> “{}”", inline(quote))?;
    }
    if summary.asserted_by.is_empty() && summary.denied_by.is_empty() {
        return writeln!(out, "\nNo one in the article asserts or denies it.");
    }
    writeln!(out)?;
    for stance in summary.stances() {
        writeln!(out, "- {}", self::stance(stance))?;
    }
    Ok(())
}

/// `Asserted by **The Washington Post** via **Sources familiar with the call**: *reported*`.
fn stance(stance: &StanceSummary<'_>) -> String {
    let verb = match stance.kind {
        StanceKind::Asserts => "Asserted by",
        StanceKind::Denies => "Denied by",
    };
    let mut line = format!("{verb} {}", who(stance.actor));
    for relayed in &stance.via {
        line.push_str(&format!(" via {}", who(relayed)));
    }
    let cue = stance
        .cue
        .filter(|s| !blank(s))
        .map(|c| format!("*{}*", inline(c)));
    let quote = stance
        .quote
        .filter(|s| !blank(s))
        .map(|q| format!("“{}”", inline(q)));
    let said: Vec<_> = cue.into_iter().chain(quote).collect();
    if !said.is_empty() {
        line.push_str(": ");
        line.push_str(&said.join(" "));
    }
    line
}

/// `**Dmitry Peskov** (Kremlin spokesperson)`: the role in parentheses, never
/// after a comma, so that no list of actors can be read as a name and its role.
fn who(actor: &Actor) -> String {
    match actor.role.as_deref().filter(|r| !blank(r)) {
        Some(role) => format!("**{}** ({})", inline(&actor.name), inline(role)),
        None => format!("**{}**", inline(&actor.name)),
    }
}

/// Actors' names, each in bold, joined by `; `: `**Renée Vautrelle**; **Central
/// Bank of Valmora**` reads as two actors, where a comma could read as a role.
fn list<'a>(actors: impl Iterator<Item = &'a Actor>) -> String {
    let names: Vec<_> = actors.map(|a| format!("**{}**", inline(&a.name))).collect();
    names.join("; ")
}

fn actors(summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "\n## Actors\n")?;
    let tallies = summary::tally(summaries);
    if tallies.is_empty() {
        return writeln!(out, "No one takes a stance.");
    }
    writeln!(out, "| Actor | Kind | Asserted | Denied | Relayed |")?;
    writeln!(out, "|:--|:--|--:|--:|--:|")?;
    for t in &tallies {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            inline(t.name),
            t.kind,
            t.asserted,
            t.denied,
            t.relayed
        )?;
    }
    Ok(())
}

fn contested(summaries: &[ArticleSummary<'_>], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "\n## Contested claims\n")?;
    let mut any = false;
    for (article, claim) in summary::contested(summaries) {
        any = true;
        // An actor with two stances on one claim is named once.
        let names = |stances: &[StanceSummary<'_>]| {
            let mut actors: Vec<&Actor> = Vec::new();
            for s in stances {
                if !actors.iter().any(|a| a.id == s.actor.id) {
                    actors.push(s.actor);
                }
            }
            list(actors.into_iter())
        };
        writeln!(
            out,
            "- {} (*{}*): asserted by {} — denied by {}",
            inline(&claim.claim.statement),
            inline(&article.article.title),
            names(&claim.asserted_by),
            names(&claim.denied_by),
        )?;
    }
    if !any {
        writeln!(out, "None.")?;
    }
    Ok(())
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Characters escaped in user text. Besides CommonMark's inline syntax: `|`
/// (table cells), `~` (strikethrough; pandoc subscript), `^` (pandoc
/// superscript), `$` (maths on GitHub and in pandoc), `@` (pandoc citations,
/// GitHub mentions), `#` (closing heading sequence, GitHub issue links) and
/// `&` (entities). Line-start syntax (`-`, `+`, `1.`, `>`) cannot occur.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '^', '$', '@', '#', '&',
];

/// User text for an inline context: one line, control characters visible,
/// Markdown syntax escaped.
fn inline(s: &str) -> String {
    let flat = text::flatten(s);
    let flat = flat.trim();
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An http(s) URL as an autolink; anything else (a `javascript:` URL, one with
/// spaces) as plain escaped text, so nothing unexpected becomes clickable.
fn link(url: &str) -> String {
    let url = url.trim();
    let plain = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>'));
    let web = url.starts_with("https://") || url.starts_with("http://");
    if plain && web {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_break_out_of_its_line_or_markup() {
        assert_eq!(
            inline("  a *b*\n| c_d [x](y) <i>\u{1b}[31m #1 "),
            r"a \*b\* \| c\_d \[x\](y) \<i\>␛\[31m \#1"
        );
    }

    #[test]
    fn only_plain_web_urls_become_links() {
        assert_eq!(link("https://e.com/a_b"), "<https://e.com/a_b>");
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link("https://e.com/a b>"), r"https://e.com/a b\>");
    }
}
