#!/usr/bin/env python3
"""Fill unfinished entries of a Qt .ts file from a list of translations (developer tool, not used by CI).

usage: tools/ts-fill.py translations/branchvault_zh_CN.ts TRANSLATIONS.tsv

Each line of the TSV is  <English source> TAB <translation>, with \\n for line breaks. Only entries
that are still unfinished and whose source matches exactly are filled; the rest of the file is left
byte for byte. Prints the sources that are still unfinished afterwards.
"""
import html
import re
import sys


def esc(text):
    return (text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;').replace("'", '&apos;'))


def main():
    ts_path, tsv_path = sys.argv[1], sys.argv[2]
    table = {}
    with open(tsv_path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#') or '\t' not in line:
                continue
            source, translation = line.split('\t', 1)
            table[source.replace('\\n', '\n')] = translation.replace('\\n', '\n')
    text = open(ts_path, encoding='utf-8').read()
    pattern = re.compile(r'(<message( numerus="yes")?>\s*<source>)((?:(?!</source>).)*)(</source>(?:(?!</message>).)*?)'
                         r'<translation type="unfinished">(\s*<numerusform>)?(</numerusform>\s*)?</translation>',
                         re.S)
    filled = 0

    def replace(m):
        nonlocal filled
        source = html.unescape(m.group(3))
        if source not in table:
            return m.group(0)
        filled += 1
        body = esc(table[source])
        if m.group(2):
            return f'{m.group(1)}{m.group(3)}{m.group(4)}<translation>\n            <numerusform>{body}</numerusform>\n        </translation>'
        return f'{m.group(1)}{m.group(3)}{m.group(4)}<translation>{body}</translation>'

    text = pattern.sub(replace, text)
    open(ts_path, 'w', encoding='utf-8').write(text)
    left = [html.unescape(s) for s in re.findall(r'<source>((?:(?!</source>).)*)</source>\s*(?:<comment>.*?</comment>\s*)?'
                                                   r'<translation type="unfinished">', text, re.S)]
    print(f'filled {filled}; still unfinished {len(left)}')
    for s in left:
        print('  ' + s.replace('\n', '\\n')[:200])


if __name__ == '__main__':
    main()
