"""Go's text/tabwriter and docker's table formats: tables of input -> exact output.

GO_TABWRITER_CASES were produced by Go 1.19's text/tabwriter (what the docker
20.10 client links); the transcript tests re-render every table the real
engines printed in tests/golden.
"""

from __future__ import annotations

import glob
import json
import os
import re

import pytest

from dockernet_sim.golang.template import TemplateError
from dockernet_sim.golang.tabwriter import (
    ALIGN_RIGHT,
    DEBUG,
    DISCARD_EMPTY_COLUMNS,
    TAB_INDENT,
    header_context,
    render_table,
    tabwrite,
)

GO_TABWRITER_CASES = [
    ('a\tb\tc\n', 10, 1, 3, ' ', 0, 'a         b         c\n'),
    ('a\tb\tc\n', 0, 8, 1, ' ', 0, 'a b c\n'),
    ('a\tb\tc\n', 5, 0, 2, '-', 0, 'a----b----c\n'),
    ('a\tb\tc\n', 0, 4, 1, '\t', 0, 'a\tb\tc\n'),
    ('a\tb\tc\n', 8, 1, 2, '.', 4, '.......a.......bc\n'),
    ('a\tb\tc\n', 4, 1, 1, ' ', 8, 'a   b   c\n'),
    ('a\tb\tc\n', 0, 8, 1, '\t', 16, 'a\tb\tc\n'),
    ('a\tb\tc\n', 6, 1, 2, ' ', 32, 'a     |b     |c\n'),
    ('a\tb\tc\n', 3, 2, 0, '*', 12, '**a**bc\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 10, 1, 3, ' ', 0, 'NAME      DRIVER\nbridge    bridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 0, 8, 1, ' ', 0, 'NAME   DRIVER\nbridge bridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 5, 0, 2, '-', 0, 'NAME----DRIVER\nbridge--bridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 0, 4, 1, '\t', 0, 'NAME\tDRIVER\nbridge\tbridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 8, 1, 2, '.', 4, '....NAMEDRIVER\n..bridgebridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 4, 1, 1, ' ', 8, 'NAME   DRIVER\nbridge bridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 0, 8, 1, '\t', 16, 'NAME\tDRIVER\nbridge\tbridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 6, 1, 2, ' ', 32, 'NAME    |DRIVER\nbridge  |bridge\n'),
    ('NAME\tDRIVER\nbridge\tbridge\n', 3, 2, 0, '*', 12, '**NAMEDRIVER\nbridgebridge\n'),
    ('a\tbb\tc\naaaa\tb\n', 10, 1, 3, ' ', 0, 'a         bb        c\naaaa      b\n'),
    ('a\tbb\tc\naaaa\tb\n', 0, 8, 1, ' ', 0, 'a    bb c\naaaa b\n'),
    ('a\tbb\tc\naaaa\tb\n', 5, 0, 2, '-', 0, 'a-----bb---c\naaaa--b\n'),
    ('a\tbb\tc\naaaa\tb\n', 0, 4, 1, '\t', 0, 'a\t\tbb\tc\naaaa\tb\n'),
    ('a\tbb\tc\naaaa\tb\n', 8, 1, 2, '.', 4, '.......a......bbc\n....aaaab\n'),
    ('a\tbb\tc\naaaa\tb\n', 4, 1, 1, ' ', 8, 'a    bb  c\naaaa b\n'),
    ('a\tbb\tc\naaaa\tb\n', 0, 8, 1, '\t', 16, 'a\tbb\tc\naaaa\tb\n'),
    ('a\tbb\tc\naaaa\tb\n', 6, 1, 2, ' ', 32, 'a     |bb    |c\naaaa  |b\n'),
    ('a\tbb\tc\naaaa\tb\n', 3, 2, 0, '*', 12, '***a*bbc\naaaab\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 10, 1, 3, ' ', 0, 'aaaa      bbb       d\naa        b         dd\na         \naa        cccc      eee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 0, 8, 1, ' ', 0, 'aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 5, 0, 2, '-', 0, 'aaaa--bbb--d\naa  --b  --dd\na   --\naa  --cccc--eee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 0, 4, 1, '\t', 0, 'aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 8, 1, 2, '.', 4, '....aaaa.....bbbd\n....aa  .....b  dd\n....a   \n....aa  ....cccceee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 4, 1, 1, ' ', 8, 'aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 0, 8, 1, '\t', 16, 'aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 6, 1, 2, ' ', 32, 'aaaa  |bbb   |d\naa    |b     |dd\na     |\naa    |cccc  |eee\n'),
    ('aaaa\tbbb\td\naa  \tb  \tdd\na   \t\naa  \tcccc\teee\n', 3, 2, 0, '*', 12, 'aaaabbbd\naa  b  dd\na   \naa  cccceee\n'),
    ('x\n', 10, 1, 3, ' ', 0, 'x\n'),
    ('x\n', 0, 8, 1, ' ', 0, 'x\n'),
    ('x\n', 5, 0, 2, '-', 0, 'x\n'),
    ('x\n', 0, 4, 1, '\t', 0, 'x\n'),
    ('x\n', 8, 1, 2, '.', 4, 'x\n'),
    ('x\n', 4, 1, 1, ' ', 8, 'x\n'),
    ('x\n', 0, 8, 1, '\t', 16, 'x\n'),
    ('x\n', 6, 1, 2, ' ', 32, 'x\n'),
    ('x\n', 3, 2, 0, '*', 12, 'x\n'),
    ('', 10, 1, 3, ' ', 0, ''),
    ('', 0, 8, 1, ' ', 0, ''),
    ('', 5, 0, 2, '-', 0, ''),
    ('', 0, 4, 1, '\t', 0, ''),
    ('', 8, 1, 2, '.', 4, ''),
    ('', 4, 1, 1, ' ', 8, ''),
    ('', 0, 8, 1, '\t', 16, ''),
    ('', 6, 1, 2, ' ', 32, ''),
    ('', 3, 2, 0, '*', 12, ''),
    ('no newline', 10, 1, 3, ' ', 0, 'no newline'),
    ('no newline', 0, 8, 1, ' ', 0, 'no newline'),
    ('no newline', 5, 0, 2, '-', 0, 'no newline'),
    ('no newline', 0, 4, 1, '\t', 0, 'no newline'),
    ('no newline', 8, 1, 2, '.', 4, 'no newline'),
    ('no newline', 4, 1, 1, ' ', 8, 'no newline'),
    ('no newline', 0, 8, 1, '\t', 16, 'no newline'),
    ('no newline', 6, 1, 2, ' ', 32, 'no newline'),
    ('no newline', 3, 2, 0, '*', 12, 'no newline'),
    ('a\tb', 10, 1, 3, ' ', 0, 'a         b'),
    ('a\tb', 0, 8, 1, ' ', 0, 'a b'),
    ('a\tb', 5, 0, 2, '-', 0, 'a----b'),
    ('a\tb', 0, 4, 1, '\t', 0, 'a\tb'),
    ('a\tb', 8, 1, 2, '.', 4, '.......ab'),
    ('a\tb', 4, 1, 1, ' ', 8, 'a   b'),
    ('a\tb', 0, 8, 1, '\t', 16, 'a\tb'),
    ('a\tb', 6, 1, 2, ' ', 32, 'a     |b'),
    ('a\tb', 3, 2, 0, '*', 12, '**ab'),
    ('a\t\tc\n\t\t\n', 10, 1, 3, ' ', 0, 'a                   c\n                    \n'),
    ('a\t\tc\n\t\t\n', 0, 8, 1, ' ', 0, 'a  c\n   \n'),
    ('a\t\tc\n\t\t\n', 5, 0, 2, '-', 0, 'a---------c\n----------\n'),
    ('a\t\tc\n\t\t\n', 0, 4, 1, '\t', 0, 'a\t\tc\n\t\t\n'),
    ('a\t\tc\n\t\t\n', 8, 1, 2, '.', 4, '.......a........c\n................\n'),
    ('a\t\tc\n\t\t\n', 4, 1, 1, ' ', 8, 'a       c\n        \n'),
    ('a\t\tc\n\t\t\n', 0, 8, 1, '\t', 16, 'a\t\tc\n\t\t\n'),
    ('a\t\tc\n\t\t\n', 6, 1, 2, ' ', 32, 'a     |      |c\n      |      |\n'),
    ('a\t\tc\n\t\t\n', 3, 2, 0, '*', 12, '**a***c\n******\n'),
    ('\n\n\n', 10, 1, 3, ' ', 0, '\n\n\n'),
    ('\n\n\n', 0, 8, 1, ' ', 0, '\n\n\n'),
    ('\n\n\n', 5, 0, 2, '-', 0, '\n\n\n'),
    ('\n\n\n', 0, 4, 1, '\t', 0, '\n\n\n'),
    ('\n\n\n', 8, 1, 2, '.', 4, '\n\n\n'),
    ('\n\n\n', 4, 1, 1, ' ', 8, '\n\n\n'),
    ('\n\n\n', 0, 8, 1, '\t', 16, '\n\n\n'),
    ('\n\n\n', 6, 1, 2, ' ', 32, '\n\n\n'),
    ('\n\n\n', 3, 2, 0, '*', 12, '\n\n\n'),
    ('a\tb\t\n', 10, 1, 3, ' ', 0, 'a         b         \n'),
    ('a\tb\t\n', 0, 8, 1, ' ', 0, 'a b \n'),
    ('a\tb\t\n', 5, 0, 2, '-', 0, 'a----b----\n'),
    ('a\tb\t\n', 0, 4, 1, '\t', 0, 'a\tb\t\n'),
    ('a\tb\t\n', 8, 1, 2, '.', 4, '.......a.......b\n'),
    ('a\tb\t\n', 4, 1, 1, ' ', 8, 'a   b   \n'),
    ('a\tb\t\n', 0, 8, 1, '\t', 16, 'a\tb\t\n'),
    ('a\tb\t\n', 6, 1, 2, ' ', 32, 'a     |b     |\n'),
    ('a\tb\t\n', 3, 2, 0, '*', 12, '**a**b\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 10, 1, 3, ' ', 0, 'a         b\ncc        dd\neee\nf         g\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 0, 8, 1, ' ', 0, 'a  b\ncc dd\neee\nf g\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 5, 0, 2, '-', 0, 'a----b\ncc---dd\neee\nf----g\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 0, 4, 1, '\t', 0, 'a\tb\ncc\tdd\neee\nf\tg\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 8, 1, 2, '.', 4, '.......ab\n......ccdd\neee\n.......fg\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 4, 1, 1, ' ', 8, 'a   b\ncc  dd\neee\nf   g\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 0, 8, 1, '\t', 16, 'a\tb\ncc\tdd\neee\nf\tg\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 6, 1, 2, ' ', 32, 'a     |b\ncc    |dd\neee\nf     |g\n'),
    ('a\tb\ncc\tdd\neee\nf\tg\n', 3, 2, 0, '*', 12, '**ab\n*ccdd\neee\n**fg\n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 10, 1, 3, ' ', 0, 'h1        h2        h3\nv1                  v3\n          v2        \n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 0, 8, 1, ' ', 0, 'h1 h2 h3\nv1    v3\n   v2 \n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 5, 0, 2, '-', 0, 'h1---h2---h3\nv1--------v3\n-----v2---\n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 0, 4, 1, '\t', 0, 'h1\th2\th3\nv1\t\tv3\n\tv2\t\n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 8, 1, 2, '.', 4, '......h1......h2h3\n......v1........v3\n..............v2\n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 4, 1, 1, ' ', 8, 'h1  h2  h3\nv1      v3\n    v2  \n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 0, 8, 1, '\t', 16, 'h1\th2\th3\nv1\t\tv3\n\tv2\t\n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 6, 1, 2, ' ', 32, 'h1    |h2    |h3\nv1    |      |v3\n      |v2    |\n'),
    ('h1\th2\th3\nv1\t\tv3\n\tv2\t\n', 3, 2, 0, '*', 12, '*h1*h2h3\n*v1***v3\n****v2\n'),
    ('one\ttwo\x0cthree\tfour\n', 10, 1, 3, ' ', 0, 'one       two\nthree     four\n'),
    ('one\ttwo\x0cthree\tfour\n', 0, 8, 1, ' ', 0, 'one two\nthree four\n'),
    ('one\ttwo\x0cthree\tfour\n', 5, 0, 2, '-', 0, 'one--two\nthree--four\n'),
    ('one\ttwo\x0cthree\tfour\n', 0, 4, 1, '\t', 0, 'one\ttwo\nthree\tfour\n'),
    ('one\ttwo\x0cthree\tfour\n', 8, 1, 2, '.', 4, '.....onetwo\n...threefour\n'),
    ('one\ttwo\x0cthree\tfour\n', 4, 1, 1, ' ', 8, 'one two\nthree four\n'),
    ('one\ttwo\x0cthree\tfour\n', 0, 8, 1, '\t', 16, 'one\ttwo\nthree\tfour\n'),
    ('one\ttwo\x0cthree\tfour\n', 6, 1, 2, ' ', 32, 'one   |two\n---\nthree  |four\n'),
    ('one\ttwo\x0cthree\tfour\n', 3, 2, 0, '*', 12, 'onetwo\nthreefour\n'),
    ('α\tβ\n日本語\tx\n', 10, 1, 3, ' ', 0, 'α         β\n日本語       x\n'),
    ('α\tβ\n日本語\tx\n', 0, 8, 1, ' ', 0, 'α   β\n日本語 x\n'),
    ('α\tβ\n日本語\tx\n', 5, 0, 2, '-', 0, 'α----β\n日本語--x\n'),
    ('α\tβ\n日本語\tx\n', 0, 4, 1, '\t', 0, 'α\tβ\n日本語\tx\n'),
    ('α\tβ\n日本語\tx\n', 8, 1, 2, '.', 4, '.......αβ\n.....日本語x\n'),
    ('α\tβ\n日本語\tx\n', 4, 1, 1, ' ', 8, 'α   β\n日本語 x\n'),
    ('α\tβ\n日本語\tx\n', 0, 8, 1, '\t', 16, 'α\tβ\n日本語\tx\n'),
    ('α\tβ\n日本語\tx\n', 6, 1, 2, ' ', 32, 'α     |β\n日本語   |x\n'),
    ('α\tβ\n日本語\tx\n', 3, 2, 0, '*', 12, '**αβ\n日本語x\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 10, 1, 3, ' ', 0, 'a         b         c\nd         e\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 0, 8, 1, ' ', 0, 'a b c\nd e\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 5, 0, 2, '-', 0, 'a----b----c\nd----e\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 0, 4, 1, '\t', 0, 'a\tb\tc\nd\te\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 8, 1, 2, '.', 4, '.......a.......bc\n.......de\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 4, 1, 1, ' ', 8, 'a   b   c\nd   e\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 0, 8, 1, '\t', 16, 'a\tb\tc\nd\te\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 6, 1, 2, ' ', 32, 'a     |b     |c\nd     |e\n'),
    ('a\x0bb\x0bc\nd\x0be\n', 3, 2, 0, '*', 12, '**a**bc\n**de\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 10, 1, 3, ' ', 0, 'CONTAINER ID   IMAGE     PORTS     NAMES\nabc            busybox             web2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 0, 8, 1, ' ', 0, 'CONTAINER ID IMAGE   PORTS NAMES\nabc          busybox       web2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 5, 0, 2, '-', 0, 'CONTAINER ID--IMAGE----PORTS--NAMES\nabc-----------busybox---------web2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 0, 4, 1, '\t', 0, 'CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\t\t\t\tbusybox\t\t\tweb2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 8, 1, 2, '.', 4, '..CONTAINER ID....IMAGE...PORTSNAMES\n...........abc..busybox........web2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 4, 1, 1, ' ', 8, 'CONTAINER ID IMAGE   PORTS NAMES\nabc          busybox       web2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 0, 8, 1, '\t', 16, 'CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\t\tbusybox\t\tweb2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 6, 1, 2, ' ', 32, 'CONTAINER ID  |IMAGE    |PORTS  |NAMES\nabc           |busybox  |       |web2\n'),
    ('CONTAINER ID\tIMAGE\tPORTS\tNAMES\nabc\tbusybox\t\tweb2\n', 3, 2, 0, '*', 12, 'CONTAINER ID**IMAGEPORTSNAMES\n*********abcbusybox*****web2\n'),
    ('\t\x0b\ndddddddddddd\x0b\x0b\x0c adddddddddddd\t\x0cacccbb\n\t', 10, 1, 3, ' ', 0, '                         \ndddddddddddd             \n adddddddddddd   \nacccbb\n'),
    (' bb日\ta\x0b\t\n\tcccdddddddddddd\n', 0, 8, 1, ' ', 0, ' bb日 a  \n     cccdddddddddddd\n'),
    ('ccccccaa\tdddddddddddd\tcccccc\t\n\t \x0c\x0c\tccc\x0b', 10, 1, 3, ' ', 0, 'ccccccaa   dddddddddddd   cccccc    \n            \n\n          ccc'),
    ('\n\ta\n\nccc', 0, 4, 1, '\t', 0, '\n\ta\n\nccc'),
    ('日a日\x0c\x0b\nbb\t\n\t\x0b\nccc\x0bccca', 10, 1, 3, ' ', 0, '日a日\n          \nbb        \n                    \nccc       ccca'),
    ('a\x0b\n\na dddddddddddd\n', 5, 0, 2, '-', 0, 'a----\n\na dddddddddddd\n'),
    ('\n \n \tdddddddddddd', 10, 1, 3, ' ', 0, '\n \n          dddddddddddd'),
    ('bb日\x0bdddddddddddddddddddddddd\n\ta\nbb\t\n 日', 10, 1, 3, ' ', 0, 'bb日       dddddddddddddddddddddddd\n          a\nbb        \n 日'),
    ('bb\x0cccc\x0b\x0b\tccc\x0babb日 \na\t\x0b日\n\t\x0c\nccca', 10, 1, 3, ' ', 0, 'bb\nccc                           ccc       abb日 \na                   日\n          \n\nccca'),
    ('adddddddddddd\n\tccc\x0b日ccc\x0cdddddddddddd\nbbccc\n\nccca\n\t', 10, 1, 3, ' ', 0, 'adddddddddddd\n          ccc       日ccc\ndddddddddddd\nbbccc\n\nccca\n'),
    ('\x0b\x0b\n\t\t\ncccbb\n ccc', 10, 1, 3, ' ', 0, '                    \n                    \ncccbb\n ccc'),
    ('\ncccbb\t dddddddddddd  \nbbdddddddddddddddddddddddddddddddddddd\n\x0b日\x0ca', 0, 8, 1, '\t', 16, '\ncccbb\t dddddddddddd  \nbbdddddddddddddddddddddddddddddddddddd\n\t日\na'),
    ('\t \x0c\x0cdddddddddddd\n\n\t\x0c\n\x0b\n\nccc', 10, 1, 3, ' ', 0, '           \n\ndddddddddddd\n\n          \n\n          \n\nccc'),
    ('\n\n ccc ccc\t\n\t\x0bbb\x0b\x0c\x0b\nccc日dddddddddddd日 ', 10, 1, 3, ' ', 0, '\n\n ccc ccc   \n                     bb        \n          \nccc日dddddddddddd日 '),
    ('a\tcccacccbb\nccc\t a\n\n\n\x0c日bb日\t', 10, 1, 3, ' ', 0, 'a         cccacccbb\nccc        a\n\n\n\n日bb日'),
    ('\x0b\na\n\n\t\n', 4, 1, 1, ' ', 8, '\na\n\n    \n'),
    (' ', 10, 1, 3, ' ', 0, ' '),
    ('\tbb\t  \n日\t\nccc\n\n日\x0c \ncccccc', 10, 1, 3, ' ', 0, '          bb          \n日         \nccc\n\n日\n \ncccccc'),
    ('\n\n\n\t\t\x0b\n\nccc日日\t\x0b\t\t', 10, 1, 3, ' ', 0, '\n\n\n                              \n\nccc日日                         '),
    ('a\n\t\tcccabb\x0c日\t', 4, 1, 1, ' ', 8, 'a\n        cccabb\n日'),
    ('dddddddddddda\t\tccc', 10, 1, 3, ' ', 0, 'dddddddddddda             ccc'),
    ('\t\t日 \x0c日\x0bbbaddddddddddddccc\t\t \x0b\n日\t\x0b a', 4, 1, 1, ' ', 8, '        日 \n日   bbaddddddddddddccc         \n日                       a'),
    ('\ta\ndddddddddddddddddddddddd\n日日\x0b\x0b\x0c\x0c\n\n\x0c', 10, 1, 3, ' ', 0, '          a\ndddddddddddddddddddddddd\n日日                  \n\n\n\n\n'),
    ('\t\tddddddddddddbb\ta\x0bdddddddddddd\n日\t\x0cdddddddddddd\tcccccc\x0b \n', 0, 8, 1, ' ', 0, '   ddddddddddddbb a dddddddddddd\n日 \ndddddddddddd cccccc  \n'),
    ('bb\n\x0babbbb\t日\x0cbb\x0bccc', 10, 1, 3, ' ', 0, 'bb\n          abbbb     日\nbb        ccc'),
    ('\x0bcccccc日ccc\nddddddddddddccc', 4, 1, 1, ' ', 8, 'cccccc日ccc\nddddddddddddccc'),
    (' ', 10, 1, 3, ' ', 0, ' '),
    ('\x0c\n\x0b', 0, 4, 1, '\t', 0, '\n\n'),
    ('日bb\x0b\n日ccca\nbb\n\x0c日\n\x0c\na', 10, 1, 3, ' ', 0, '日bb       \n日ccca\nbb\n\n日\n\n\na'),
    ('\x0b\tccc日', 6, 1, 2, ' ', 32, '      |      |ccc日'),
    ('\ncccccc\x0ba\x0c\nbb日\x0cabbbb 日\t\n\nbbdddddddddddd', 10, 1, 3, ' ', 0, '\ncccccc    a\n\nbb日\nabbbb 日   \n\nbbdddddddddddd'),
    ('a \x0b\naccc\n\x0cdddddddddddd\t\x0bbbbb\x0c\t', 6, 1, 2, ' ', 32, 'a     |\naccc\n\n---\ndddddddddddd  |      |bbbb\n---\n'),
    ('\t\n日\x0b\ndddddddddddd\n', 10, 1, 3, ' ', 0, '          \n日         \ndddddddddddd\n'),
    ('ccc\x0b\n\x0c\tdddddddddddd\x0c\n\n a日', 8, 1, 2, '.', 4, '.....ccc\n\n........dddddddddddd\n\n\n a日'),
    ('\t日\n\nbb\tccc\x0ccccbb', 10, 1, 3, ' ', 0, '          日\n\nbb        ccc\ncccbb'),
    ('\nccc \tbb\tcccdddddddddddd\t\x0c', 8, 1, 2, '.', 4, '\n....ccc ......bb..cccdddddddddddd\n'),
    ('\x0b', 10, 1, 3, ' ', 0, ''),
    ('', 0, 4, 1, '\t', 0, ''),
    ('\n\x0b\n\x0c\tccc\n\tbb\x0b\x0bcccdddddddddddd\tccc\x0c\t', 10, 1, 3, ' ', 0, '\n          \n\n          ccc\n          bb                  cccdddddddddddd   ccc\n'),
    ('\x0c', 0, 8, 1, '\t', 16, '\n'),
    ('\tdddddddddddd', 10, 1, 3, ' ', 0, '          dddddddddddd'),
    ('bba\x0c\t\x0ca\nddddddddddddaa\t\n', 10, 1, 3, ' ', 0, 'bba\n          \na\nddddddddddddaa   \n'),
    (' \tbb\nddddddddddddbb', 10, 1, 3, ' ', 0, '          bb\nddddddddddddbb'),
    (' ccc', 3, 2, 0, '*', 12, ' ccc'),
    ('\x0b\t bbccc\tbb', 10, 1, 3, ' ', 0, '                     bbccc    bb'),
    ('dddddddddddd\t\n\ncccccc bb\t\x0bbbdddddddddddd\n日\x0c\t\ta\x0b\ta\x0b', 6, 1, 2, ' ', 32, 'dddddddddddd  |\n\ncccccc bb  |      |bbdddddddddddd\n日\n---\n      |      |a     |      |a'),
    ('\n\ndddddddddddddddddddddddd a\t\x0cddddddddddddccc日accc\x0b\x0cdddddddddddda\x0ba\x0b\n\tbb', 10, 1, 3, ' ', 0, '\n\ndddddddddddddddddddddddd a   \nddddddddddddccc日accc   \ndddddddddddda   a         \n                bb'),
    ('dddddddddddd\n ccc\nbb\tcccccc\t\x0c\n\tabb dddddddddddd\x0b aabbaccc', 8, 1, 2, '.', 4, 'dddddddddddd\n ccc\n......bb..cccccc\n\n..........abb dddddddddddd aabbaccc'),
    ('accc日日ccc\x0bbb\t 日ccc', 10, 1, 3, ' ', 0, 'accc日日ccc   bb         日ccc'),
    ('\x0bcccdddddddddddd\ndddddddddddd\nbb\n\n\t日\ncccadddddddddddd\x0c', 0, 8, 1, '\t', 16, '\tcccdddddddddddd\ndddddddddddd\nbb\n\n\t日\ncccadddddddddddd\n'),
    ('ccc\n\x0c', 10, 1, 3, ' ', 0, 'ccc\n\n'),
    ('\t', 4, 1, 1, ' ', 8, ''),
    ('日', 10, 1, 3, ' ', 0, '日'),
    ('\x0b\n\n\t\t', 6, 1, 2, ' ', 32, '      |\n\n      |'),
    ('\n\ndddddddddddd\t\x0ca日', 10, 1, 3, ' ', 0, '\n\ndddddddddddd   \na日'),
    ('\n\ncccccc\t\nabbccc\nbbdddddddddddd\x0b\t', 10, 1, 3, ' ', 0, '\n\ncccccc    \nabbccc\nbbdddddddddddd   '),
    (' 日bbdddddddddddd\t\n\x0babb 日日日ccc\n', 10, 1, 3, ' ', 0, ' 日bbdddddddddddd   \n                   abb 日日日ccc\n'),
    ('', 6, 1, 2, ' ', 32, ''),
    ('\ndddddddddddd日\x0b \x0ca cccdddddddddddd\n\n日a\x0cdddddddddddd \t\t\tbb', 10, 1, 3, ' ', 0, '\ndddddddddddd日    \na cccdddddddddddd\n\n日a\ndddddddddddd                        bb'),
    ('', 8, 1, 2, '.', 4, ''),
    ('日dddddddddddd\x0b\n\ta\t\x0b\tbbaddddddddddddbb\x0c\t\n\x0bdddddddddddd\x0b', 10, 1, 3, ' ', 0, '日dddddddddddd   \n                a                             bbaddddddddddddbb\n          \n          dddddddddddd'),
    ('日 \t bbbb\t\ndddddddddddd \n\na\x0c\n\ncccdddddddddddd', 5, 0, 2, '-', 0, '日 --- bbbb--\ndddddddddddd \n\na\n\n\ncccdddddddddddd'),
    ('日bbcccbb\x0c\nddddddddddddccc\t\x0cbb日日\x0c\x0c \x0b\n\n\t\n 日\t', 10, 1, 3, ' ', 0, '日bbcccbb\n\nddddddddddddccc   \nbb日日\n\n          \n\n          \n 日'),
    ('\n\tbb日\nccc\naccc', 0, 4, 1, '\t', 0, '\n\tbb日\nccc\naccc'),
    ('日ccc\n\t\n日bb\x0cdddddddddddd\x0b\n\x0bbbaccc bb\n', 10, 1, 3, ' ', 0, '日ccc\n          \n日bb\ndddddddddddd   \n               bbaccc bb\n'),
    ('\x0c\n\t\x0b日', 5, 0, 2, '-', 0, '\n\n----------日'),
    ('bb\nbbbb\t\t\n\nccc\x0c\x0bddddddddddddbb\t\n \na', 10, 1, 3, ' ', 0, 'bb\nbbbb                \n\nccc\n          ddddddddddddbb   \n \na'),
    ('日\nccc', 0, 4, 1, '\t', 0, '日\nccc'),
    ('\t\x0c\x0b', 10, 1, 3, ' ', 0, '          \n'),
    ('ddddddddddddbb日bb\t\n\nbb \na\t\n\t\t\x0c\x0bbbccc\tbb \n', 10, 1, 3, ' ', 0, 'ddddddddddddbb日bb   \n\nbb \na         \n                    \n          bbccc     bb \n'),
    ('cccddddddddddddbbaddddddddddddccc\nddddddddddddaa\t', 10, 1, 3, ' ', 0, 'cccddddddddddddbbaddddddddddddccc\nddddddddddddaa'),
    ('\n bba\t\tdddddddddddda bb\t日\x0c', 3, 2, 0, '*', 12, '\n bba***dddddddddddda bb日\n'),
    ('', 10, 1, 3, ' ', 0, ''),
    ('dddddddddddd\x0b\ndddddddddddd\n\naddddddddddddccc\nccc\tdddddddddddd', 3, 2, 0, '*', 12, 'dddddddddddd\ndddddddddddd\n\naddddddddddddccc\ncccdddddddddddd'),
    ('\tccc\n\ta', 10, 1, 3, ' ', 0, '          ccc\n          a'),
    ('\x0cbbddddddddddddcccddddddddddddbbbb\x0c\na\nccc\t\x0ca\x0b\n日', 4, 1, 1, ' ', 8, '\nbbddddddddddddcccddddddddddddbbbb\n\na\nccc \na   \n日'),
    ('aacccdddddddddddd\nbb\tcccdddddddddddd\x0c\n\ndddddddddddd\tccc\t \x0b ', 10, 1, 3, ' ', 0, 'aacccdddddddddddd\nbb        cccdddddddddddd\n\n\ndddddddddddd   ccc                  '),
    ('\tbb', 10, 1, 3, ' ', 0, '          bb'),
    ('\n 日\t日ccc\t', 10, 1, 3, ' ', 0, '\n 日        日ccc'),
    ('', 0, 8, 1, ' ', 0, ''),
    ('\tdddddddddddd\tadddddddddddd \ta\x0b\n\ndddddddddddda \tbb\x0c', 10, 1, 3, ' ', 0, '          dddddddddddd   adddddddddddd    a         \n\ndddddddddddda    bb\n'),
    ('\n日 ', 0, 4, 1, '\t', 0, '\n日 '),
    ('bb\x0ca\x0b\t 日\nbb \t \n\nccc\nbba', 10, 1, 3, ' ', 0, 'bb\na                    日\nbb         \n\nccc\nbba'),
    ('日\t日aa\x0bbbbb\nccc\n\n\t\tddddddddddddccc', 6, 1, 2, ' ', 32, '日     |日aa   |bbbb\nccc\n\n      |      |ddddddddddddccc'),
    ('aa', 10, 1, 3, ' ', 0, 'aa'),
    ('日\x0c\x0caa日\nbb\n\x0b 日日日\t \x0bbb\x0bbb', 0, 4, 1, '\t', 0, '日\n\naa日\nbb\n\t 日日日\t \tbb\tbb'),
    ('adddddddddddd\n \x0c\nccc', 10, 1, 3, ' ', 0, 'adddddddddddd\n \n\nccc'),
    ('\t\t\n日\tbbccc\nbb\x0c\n日 \x0c\nccc\tccc', 10, 1, 3, ' ', 0, '                    \n日         bbccc\nbb\n\n日 \n\nccc       ccc'),
    ('\t\x0cccc\n dddddddddddd\t\n\t日bb\t\t\n\n \t', 10, 1, 3, ' ', 0, '          \nccc\n dddddddddddd   \n                日bb                 \n\n '),
    ('\x0c\x0b\x0cbbbb\x0bddddddddddddbb\nbbbb\x0c\tdddddddddddd日', 3, 2, 0, '*', 12, '\n\nbbbbddddddddddddbb\nbbbb\n***dddddddddddd日'),
    ('\n\x0bdddddddddddd\tbb\n\nbb\tbb\t\x0b\n\n\nbbbb\tbbccc', 10, 1, 3, ' ', 0, '\n          dddddddddddd   bb\n\nbb        bb                  \n\n\nbbbb      bbccc'),
    ('bb', 0, 8, 1, ' ', 0, 'bb'),
    ('bb日 bbbb\x0c\x0c', 10, 1, 3, ' ', 0, 'bb日 bbbb\n\n'),
    ('\n\nbb\t\t \na\t ccc\n\x0c\x0cccc\t', 10, 1, 3, ' ', 0, '\n\nbb                   \na          ccc\n\n\nccc'),
    (' dddddddddddd日\x0c \t\tccc\x0b\x0c\t\n', 10, 1, 3, ' ', 0, ' dddddddddddd日\n                    ccc       \n          \n'),
    ('\x0b日bbccc日\t\x0b\x0bddddddddddddbb\tccc\tccc\x0cbb\x0b\t日\x0c', 0, 8, 1, ' ', 0, ' 日bbccc日   ddddddddddddbb ccc ccc\nbb  日\n'),
    ('\t\x0c\n\x0ba \x0b bb\tdddddddddddda\n日日\x0c', 10, 1, 3, ' ', 0, '          \n\n          a          bb       dddddddddddda\n日日\n'),
    ('日\t日\na\tccc \n\t\n\nddddddddddddccc\t\x0c', 0, 8, 1, ' ', 0, '日 日\na ccc \n  \n\nddddddddddddccc \n'),
    ('\n\x0c\t\n日\x0c\n\x0b', 10, 1, 3, ' ', 0, '\n\n          \n日\n\n'),
    (' \n\x0b\x0b日ddddddddddddddddddddddddaccc日\x0ca dddddddddddd', 0, 4, 1, '\t', 0, ' \n\t\t日ddddddddddddddddddddddddaccc日\na dddddddddddd'),
    ('', 10, 1, 3, ' ', 0, ''),
    ('\x0c\t日bb\x0b ', 0, 4, 1, '\t', 0, '\n\t日bb\t '),
    ('dddddddddddd\x0c\x0ba\t accc\naa\tdddddddddddd\tbbcccdddddddddddd\t ', 10, 1, 3, ' ', 0, 'dddddddddddd\n          a               accc\naa        dddddddddddd   bbcccdddddddddddd    '),
    ('adddddddddddd', 3, 2, 0, '*', 12, 'adddddddddddd'),
    ('\naa\na\t\t', 10, 1, 3, ' ', 0, '\naa\na         '),
    ('\n\ncccddddddddddddbb\n\x0b\t\tccc\nccc\na\t dddddddddddd\t\x0b\x0b\x0c', 6, 1, 2, ' ', 32, '\n\ncccddddddddddddbb\n      |      |      |ccc\nccc\na     | dddddddddddd  |      |      |\n---\n'),
    ('\x0b\x0b\x0b\t\t\n日\t\x0b\x0cdddddddddddda\t ccc\n', 10, 1, 3, ' ', 0, '                                                  \n日                   \ndddddddddddda    ccc\n'),
    ('bb\x0b日\n\nccc\x0c\tccca ccc\x0b\nbb\x0ba\x0b ', 0, 8, 1, ' ', 0, 'bb 日\n\nccc\n   ccca ccc \nbb a         '),
    ('\tdddddddddddd日\n日 \nccc\n\n a\t\tbb bbdddddddddddd ', 10, 1, 3, ' ', 0, '          dddddddddddd日\n日 \nccc\n\n a                  bb bbdddddddddddd '),
    ('bb\x0c\x0c日\nbbbb', 10, 1, 3, ' ', 0, 'bb\n\n日\nbbbb'),
    ('\t\tccc\n\t日日bb\x0c \t\tbb', 10, 1, 3, ' ', 0, '                    ccc\n          日日bb\n                    bb'),
    ('\tbb\n\t\nbbccc\n\x0c\nbb\n\t\n\x0cbb\n', 0, 8, 1, ' ', 0, ' bb\n \nbbccc\n\n\nbb\n \n\nbb\n'),
    ('\x0ba日\t\t\t\t  \n  bb 日\n\x0c\t', 10, 1, 3, ' ', 0, '          a日                                        \n  bb 日\n\n'),
    ('\x0b\n\nbbcccbb\na\tdddddddddddd\n\n日日bbccca', 8, 1, 2, '.', 4, '........\n\nbbcccbb\n.......adddddddddddd\n\n日日bbccca'),
    ('日dddddddddddd\x0b', 10, 1, 3, ' ', 0, '日dddddddddddd'),
    ('bb', 3, 2, 0, '*', 12, 'bb'),
    ('\t\n\x0c\ta\n\tccc', 10, 1, 3, ' ', 0, '          \n\n          a\n          ccc'),
    ('\n \x0b 日\n日accc\n\n日bbbb\t\ndddddddddddd\n', 6, 1, 2, ' ', 32, '\n      | 日\n日accc\n\n日bbbb  |\ndddddddddddd\n'),
    ('\t\t日ccc\n日 bb\t', 10, 1, 3, ' ', 0, '                    日ccc\n日 bb'),
    ('a\t\t\x0c\n\t\x0b日\x0c a', 0, 8, 1, ' ', 0, 'a  \n\n  日\n a'),
    ('\n\n日', 10, 1, 3, ' ', 0, '\n\n日'),
    ('cccaa\ta\t \ta', 0, 8, 1, ' ', 0, 'cccaa a   a'),
    ('\x0b', 10, 1, 3, ' ', 0, ''),
    ('dddddddddddd\tbb', 10, 1, 3, ' ', 0, 'dddddddddddd   bb'),
    ('adddddddddddd\t\ta\x0b\x0b\x0bdddddddddddd \t\n\x0c日bb\ta\x0b\ta', 10, 1, 3, ' ', 0, 'adddddddddddd             a                             dddddddddddd    \n\n日bb       a                   a'),
    ('cccbb\x0bbb\t\n\n\t日a\x0b\x0ba', 10, 1, 3, ' ', 0, 'cccbb     bb        \n\n          日a                  a'),
    ('a日\tbb\t\t\t', 10, 1, 3, ' ', 0, 'a日        bb                  '),
    ('\x0c\x0c日\t\t\x0bccc\tddddddddddddcccbb日', 8, 1, 2, '.', 4, '\n\n.......日.....................cccddddddddddddcccbb日'),
    ('bb\x0c\x0b\x0c\n日 a\ta ccc日ccc\x0cdddddddddddd\t\n\t', 10, 1, 3, ' ', 0, 'bb\n          \n\n日 a       a ccc日ccc\ndddddddddddd   \n'),
    ('日日\x0c\nccc\t  \x0c\t\x0bbb日a', 8, 1, 2, '.', 4, '日日\n\n.....ccc  \n................bb日a'),
    ('bb日\ta日\t\tdddddddddddd\ndddddddddddd\tbb\nccc\n\x0c\x0b ', 10, 1, 3, ' ', 0, 'bb日            a日                  dddddddddddd\ndddddddddddd   bb\nccc\n\n           '),
    ('dddddddddddd', 8, 1, 2, '.', 4, 'dddddddddddd'),
    ('\n日dddddddddddd日\x0c\x0cccc\n\x0b\x0b\x0b', 10, 1, 3, ' ', 0, '\n日dddddddddddd日\n\nccc\n                    '),
    ('日日dddddddddddd日\x0ca\t', 0, 8, 1, ' ', 0, '日日dddddddddddd日\na'),
    ('\x0c \x0cdddddddddddda\x0cccca\x0b日\x0c\x0bcccbbddddddddddddaddddddddddddbb\nccc', 10, 1, 3, ' ', 0, '\n \ndddddddddddda\nccca      日\n          cccbbddddddddddddaddddddddddddbb\nccc'),
    ('dddddddddddda\n', 8, 1, 2, '.', 4, 'dddddddddddda\n'),
    (' \t\t\t\tdddddddddddd', 10, 1, 3, ' ', 0, '                                        dddddddddddd'),
    ('\t\x0cbb日\t\n\n\t\t\n\na\nbbddddddddddddccc\t\n', 6, 1, 2, ' ', 32, '      |\n---\nbb日   |\n\n      |      |\n\na\nbbddddddddddddccc  |\n'),
    ('\tbb  \x0c\taccc\x0cddddddddddddbbbb\tdddddddddddd', 10, 1, 3, ' ', 0, '          bb  \n          accc\nddddddddddddbbbb   dddddddddddd'),
    (' \t\n\n', 5, 0, 2, '-', 0, ' ----\n\n'),
    ('', 10, 1, 3, ' ', 0, ''),
    ('\t \x0b', 4, 1, 1, ' ', 8, '     '),
    ('\n \t\t', 10, 1, 3, ' ', 0, '\n          '),
    ('\n\n', 8, 1, 2, '.', 4, '\n\n'),
    ('\x0c 日\n \t\x0c', 10, 1, 3, ' ', 0, '\n 日\n          \n'),
    ('\x0c  \n\tccc\x0baabb日\n\na\x0c\n \t\n', 10, 1, 3, ' ', 0, '\n  \n          ccc       aabb日\n\na\n\n          \n'),
    ('\x0c', 10, 1, 3, ' ', 0, '\n'),
    ('a\x0cccca\t\n 日ccc\t\n\t\x0cbb', 5, 0, 2, '-', 0, 'a\nccca---\n 日ccc--\n-------\nbb'),
    ('bb \t\x0c\x0c\n\t', 10, 1, 3, ' ', 0, 'bb        \n\n\n'),
    (' a\x0b\n\n\nddddddddddddccc\t\n \n\n日\t\n\n\t日cccdddddddddddd', 6, 1, 2, ' ', 32, ' a    |\n\n\nddddddddddddccc  |\n \n\n日     |\n\n      |日cccdddddddddddd'),
    ('\n', 10, 1, 3, ' ', 0, '\n'),
    ('\t\nccc\n\n\tdddddddddddd\t\n', 0, 8, 1, '\t', 16, '\t\nccc\n\n\tdddddddddddd\t\n'),
    ('bb\x0c\n\tbb\t', 10, 1, 3, ' ', 0, 'bb\n\n          bb'),
    ('日\n \x0b', 8, 1, 2, '.', 4, '日\n '),
    ('日\tbb\nddddddddddddccc a\x0b\x0c日\n\x0b\tddddddddddddaa\x0c \n\n\x0c', 10, 1, 3, ' ', 0, '日                   bb\nddddddddddddccc a   \n日\n                    ddddddddddddaa\n \n\n\n'),
    ('bb\x0b \t\x0cddddddddddddccc\x0b日\x0c\n\t\x0b\t日\n\x0bcccccc日', 10, 1, 3, ' ', 0, 'bb                  \nddddddddddddccc   日\n\n                              日\n          cccccc日'),
    ('\t', 10, 1, 3, ' ', 0, ''),
    ('\n日 dddddddddddd\x0c\t\tddddddddddddbbddddddddddddbbbb日bb日\n\x0c日bb\n', 4, 1, 1, ' ', 8, '\n日 dddddddddddd\n        ddddddddddddbbddddddddddddbbbb日bb日\n\n日bb\n'),
    ('\n\ndddddddddddd\x0c日\tbb dddddddddddd\x0b\x0c \t日日\x0bbbccc', 10, 1, 3, ' ', 0, '\n\ndddddddddddd\n日         bb dddddddddddd   \n          日日        bbccc'),
    ('bb\n\tccc\x0c日\x0b\tdddddddddddda\nbbcccddddddddddddbb\t\x0c\x0bbb\t\x0b', 3, 2, 0, '*', 12, 'bb\n***ccc\n******************日***dddddddddddda\nbbcccddddddddddddbb\n*bb'),
    ('日 dddddddddddd', 10, 1, 3, ' ', 0, '日 dddddddddddd'),
    ('日日\x0c\t日\x0b', 5, 0, 2, '-', 0, '日日\n-----日'),
    ('a\x0cccc\x0c\n\x0c\tccc\x0ca\ndddddddddddda\nccc', 10, 1, 3, ' ', 0, 'a\nccc\n\n\n          ccc\na\ndddddddddddda\nccc'),
    ('日\x0c\x0c\n\t\n\n', 4, 1, 1, ' ', 8, '日\n\n\n    \n\n'),
    ('bbbbbb\x0cbbbb\x0c cccbb\t', 10, 1, 3, ' ', 0, 'bbbbbb\nbbbb\n cccbb'),
    ('dddddddddddd\n\n\t日\n\t\tbb\x0c\x0c\t\t', 0, 8, 1, '\t', 16, 'dddddddddddd\n\n\t日\n\t\tbb\n\n\t'),
    ('dddddddddddd日\n\t日\nccc日日ccca\t', 10, 1, 3, ' ', 0, 'dddddddddddd日\n          日\nccc日日ccca'),
    ('\taa\x0c\ndddddddddddd\tbb bb\x0c\nccc日dddddddddddd ', 4, 1, 1, ' ', 8, '    aa\n\ndddddddddddd bb bb\n\nccc日dddddddddddd '),
    ('bb\x0ca日\nbbbba \t日a\x0b\t\n\n', 10, 1, 3, ' ', 0, 'bb\na日\nbbbba     日a                  \n\n'),
    ('addddddddddddbb', 10, 1, 3, ' ', 0, 'addddddddddddbb'),
    ('日\ta\ta \x0b', 10, 1, 3, ' ', 0, '日         a         a '),
    ('cccccc\n\tccc\n bb\x0b\n\t\t\n', 0, 8, 1, ' ', 0, 'cccccc\n    ccc\n bb \n     \n'),
    ('cccbbbbbb ccc\t\x0bdddddddddddd\n\ta\t\x0cdddddddddddd\tccc ccc\tdddddddddddd', 10, 1, 3, ' ', 0, 'cccbbbbbb ccc             dddddddddddd\n                a         \ndddddddddddd   ccc ccc   dddddddddddd'),
    ('\n\x0c\t\x0b\x0c\naa\t\n\n\t\nbb日a\x0b\x0b日\n', 5, 0, 2, '-', 0, '\n\n----------\n\naa---\n\n------\nbb日a-------日\n'),
    ('abb\n\n\n\n \t', 10, 1, 3, ' ', 0, 'abb\n\n\n\n '),
    ('bb\tddddddddddddccc\tccc', 5, 0, 2, '-', 0, 'bb---ddddddddddddccc--ccc'),
    ('\tdddddddddddd\x0cbbccc\t日\ndddddddddddd\t \t\t', 10, 1, 3, ' ', 0, '          dddddddddddd\nbbccc          日\ndddddddddddd             '),
    ('ccc\n\n\n日ccc\t\x0b\nbb ', 0, 4, 1, '\t', 0, 'ccc\n\n\n日ccc\t\t\nbb '),
    ('bb  \tccca \x0c \ta', 10, 1, 3, ' ', 0, 'bb        ccca \n          a'),
    ('bb\x0c\n\nccc\t\x0c a\tccc', 10, 1, 3, ' ', 0, 'bb\n\n\nccc       \n a        ccc'),
    ('日\n ccc \x0c\t\t\x0c\tccc', 10, 1, 3, ' ', 0, '日\n ccc \n                    \n          ccc'),
    ('\x0b\x0cccc\t', 0, 8, 1, ' ', 0, ' \nccc'),
    ('日\tadddddddddddd\t\t\x0b\n日日日', 10, 1, 3, ' ', 0, '日         adddddddddddd                       \n日日日'),
    ('\x0caccc\x0c\t\x0bcccbb\x0b\n\x0ccccbb \x0bdddddddddddd\tdddddddddddd\x0b\t\x0c', 5, 0, 2, '-', 0, '\naccc\n----------cccbb--\n\ncccbb --dddddddddddd--dddddddddddd-------\n'),
    ('dddddddddddd\x0c\x0b\nbb\n\t\n\taddddddddddddddddddddddddccca\x0c\t\n日日bb', 10, 1, 3, ' ', 0, 'dddddddddddd\n          \nbb\n          \n          addddddddddddddddddddddddccca\n          \n日日bb'),
    ('\x0c \n\tbb  日\x0c\t\ndddddddddddd', 5, 0, 2, '-', 0, '\n \n-----bb  日\n-----\ndddddddddddd'),
    ('\x0c \n \tccc \t\x0b\x0b', 10, 1, 3, ' ', 0, '\n \n          ccc                 '),
    ('\t\n\x0c日日\n\t\x0ca\nccc', 5, 0, 2, '-', 0, '-----\n\n日日\n-----\na\nccc'),
    ('\n\x0cbbddddddddddddccc\x0b日 \t\n\x0ca\x0cbb\tdddddddddddd日\ncccdddddddddddd', 10, 1, 3, ' ', 0, '\n\nbbddddddddddddccc   日         \n\na\nbb        dddddddddddd日\ncccdddddddddddd'),
    ('\t\x0bdddddddddddda\x0bdddddddddddd\nccc \n\na', 0, 4, 1, '\t', 0, '\t\tdddddddddddda\tdddddddddddd\nccc \n\na'),
    ('日bbbbaa', 10, 1, 3, ' ', 0, '日bbbbaa'),
    ('日\x0b\n \x0c\t 日\n', 5, 0, 2, '-', 0, '日----\n \n----- 日\n'),
    ('\x0badddddddddddd\tccc日bb\t\tcccdddddddddddd', 10, 1, 3, ' ', 0, '          adddddddddddd   ccc日bb              cccdddddddddddd'),
    ('dddddddddddd \t\n\x0b\tacccccc\tccc\n\t日\t\x0b\x0bccc\t\x0c日', 8, 1, 2, '.', 4, '..dddddddddddd \n.........................accccccccc\n......................日......................ccc\n日'),
    ('\t\n \n ccca\x0cccc日\x0c\tdddddddddddda', 10, 1, 3, ' ', 0, '          \n \n ccca\nccc日\n          dddddddddddda'),
    ('\t日\t\t\x0cadddddddddddda\x0bbb\x0b\t\t\t\t\tcccdddddddddddd', 0, 8, 1, '\t', 16, '\t日\t\t\nadddddddddddda\tbb\t\t\t\t\t\tcccdddddddddddd'),
    ('bb\x0cccc\x0b\x0c', 10, 1, 3, ' ', 0, 'bb\nccc       \n'),
    ('\x0b日\nccc\n\x0c\tdddddddddddd\x0cdddddddddddd日', 3, 2, 0, '*', 12, '日\nccc\n\n***dddddddddddd\ndddddddddddd日'),
    ('ccc\x0c\n\t\n\nddddddddddddcccccc\x0c日\na\x0b\t\t\x0b\x0b\t ', 10, 1, 3, ' ', 0, 'ccc\n\n          \n\nddddddddddddcccccc\n日\na                                                            '),
    ('日bba dddddddddddd dddddddddddd\n\t\n\x0bbbbb', 5, 0, 2, '-', 0, '日bba dddddddddddd dddddddddddd\n-----\n-----bbbb'),
]


NETWORK_HEADER = {"ID": "NETWORK ID", "Name": "NAME", "Driver": "DRIVER", "Scope": "SCOPE", "IPv6": "IPV6",
                  "Internal": "INTERNAL", "Labels": "LABELS", "CreatedAt": "CREATED AT"}
NETWORKS = [
    {"ID": "3d45f1a30bd7", "Name": "Zeta", "Driver": "bridge", "Scope": "local"},
    {"ID": "62ce43c91862", "Name": "alpha", "Driver": "bridge", "Scope": "local"},
    {"ID": "9d815d7f6fcd", "Name": "none", "Driver": "null", "Scope": "local"},
]


def test_docker_network_ls_default_table():
    # s13_ls_formats: docker network ls
    out = render_table("table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}", NETWORKS, NETWORK_HEADER)
    assert out == ("NETWORK ID     NAME      DRIVER    SCOPE\n"
                   "3d45f1a30bd7   Zeta      bridge    local\n"
                   "62ce43c91862   alpha     bridge    local\n"
                   "9d815d7f6fcd   none      null      local\n")


def test_table_format_typed_with_backslash_t():
    # s13_ls_formats: docker network ls --format 'table {{.Name}}\t{{.Driver}}' (a backslash and a t)
    out = render_table(r"table {{.Name}}\t{{.Driver}}", NETWORKS, NETWORK_HEADER)
    assert out == "NAME      DRIVER\nZeta      bridge\nalpha     bridge\nnone      null\n"


def test_header_only_when_no_rows():
    # r30_formats_filters: docker network ls --filter id=nosuch
    out = render_table("table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}", [], NETWORK_HEADER)
    assert out == "NETWORK ID   NAME      DRIVER    SCOPE\n"


def test_non_table_format_and_escaped_newline():
    assert render_table("{{.Name}}: {{.Driver}}", NETWORKS[:2], NETWORK_HEADER) == "Zeta: bridge\nalpha: bridge\n"
    # docker's raw format uses \n inside the template text
    assert render_table(r"name: {{.Name}}\ndriver: {{.Driver}}\n", NETWORKS[:1], None) == "name: Zeta\ndriver: bridge\n\n"


def test_ps_table_with_empty_ports_cell():
    # r30_formats_filters: docker ps -a --format 'table {{.Names}}\t{{.Networks}}\t{{.Status}}'
    rows = [{"Names": "f2", "Networks": "bridge", "Status": "Exited (137) Less than a second ago"},
            {"Names": "f1", "Networks": "fmt1", "Status": "Up 11 seconds"}]
    out = render_table(r"table {{.Names}}\t{{.Networks}}\t{{.Status}}", rows,
                       {"Names": "NAMES", "Networks": "NETWORKS", "Status": "STATUS"})
    assert out == ("NAMES     NETWORKS   STATUS\n"
                   "f2        bridge     Exited (137) Less than a second ago\n"
                   "f1        fmt1       Up 11 seconds\n")


def test_header_label_method_and_functions():
    from dockernet_sim.golang.template import Struct
    labels = {"com.example.team": "red"}
    rows = [Struct("*network.networkContext", Name="alpha", methods={"Label": lambda k: labels.get(k, "")})]
    out = render_table('table {{.Name | upper}}\t{{.Label "com.example.team"}}', rows, {"Name": "NAME"})
    # the header runs with identity functions (upper) and SubHeaderContext.Label
    assert out == "NAME      team\nALPHA     red\n"


def test_row_error_and_parse_error_raise_template_error():
    with pytest.raises(TemplateError) as e:
        render_table("table {{.Name", NETWORKS, NETWORK_HEADER)
    assert str(e.value) == "template: :1: unclosed action"
    from dockernet_sim.golang.template import Struct
    with pytest.raises(TemplateError) as e:
        render_table("{{.Nope}}", [Struct("*network.networkContext", Name="x")], NETWORK_HEADER)
    assert str(e.value).endswith("can't evaluate field Nope in type *network.networkContext")


def test_header_error_is_ignored_and_partial_header_kept():
    # docker runs the header template over the title map and ignores its error: here
    # {{slice .X 5}} fails on the title "X", leaving "NAME\t" as the header
    rows = [{"Name": "a", "X": [1, 2, 3, 4, 5, 6]}]
    out = render_table("table {{.Name}}\t{{slice .X 5}}", rows, {"Name": "NAME", "X": "X"})
    assert out == "NAME      \na         [6]\n"


def test_wide_characters_count_two_columns_in_docker_28_only():
    text = "日本\tx\nab\ty\n"
    assert tabwrite(text, wide_chars=False) == "日本        x\nab        y\n"
    assert tabwrite(text, wide_chars=True) == "日本      x\nab        y\n"


def _split_table(text: str) -> list[list[str]] | None:
    """Recover a docker table's cells from the column starts of its header."""
    lines = text.split("\n")
    if lines[-1] != "":
        return None
    lines = lines[:-1]
    header = lines[0]
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=   ))\S", header)]
    if len(starts) < 2:
        return None
    rows = []
    for line in lines:
        cells = []
        for i, s in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else None
            cell = line[s:end]
            cells.append(cell.rstrip(" ") if end is not None else cell)
        rows.append(cells)
    return rows


def _golden_tables():
    root = os.path.join(os.path.dirname(__file__), "..", "golden")
    found = []
    for path in sorted(glob.glob(os.path.join(root, "docker-*", "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            out = d.get("stdout", "")
            cmd = d.get("command", "")
            if d.get("exit_code") == 0 and re.match(r"(NETWORK ID|CONTAINER ID|NAMES|NAME) ", out) and "|" not in cmd:
                # compose's ls writes with a minimum width of 20, every other table with docker's 10
                found.append((os.path.basename(path) + ": " + cmd, out, 20 if cmd.startswith("docker compose ls") else 10))
    return found


GOLDEN_TABLES = _golden_tables()


@pytest.mark.skipif(not GOLDEN_TABLES, reason="no recorded tables")
@pytest.mark.parametrize("name,out,minwidth", GOLDEN_TABLES, ids=[n for n, _, _ in GOLDEN_TABLES] or None)
def test_recorded_tables_rerender_exactly(name, out, minwidth):
    rows = _split_table(out)
    assert rows is not None
    text = "".join("\t".join(r) + "\n" for r in rows)
    assert tabwrite(text, minwidth, 1, 3, " ", 0) == out


@pytest.mark.parametrize("text,minwidth,tabwidth,padding,padchar,flags,expected", GO_TABWRITER_CASES)
def test_go_tabwriter(text, minwidth, tabwidth, padding, padchar, flags, expected):
    assert tabwrite(text, minwidth, tabwidth, padding, padchar, flags) == expected


def test_flag_constants_match_go():
    assert (ALIGN_RIGHT, DISCARD_EMPTY_COLUMNS, TAB_INDENT, DEBUG) == (4, 8, 16, 32)
    assert header_context({"a": "A"}).type_name == "formatter.SubHeaderContext"


