/* test_load.c - reading the files of a run (interp/load.c, spec §10): a
 * file and the files it `use`s, depth first; each file read once however
 * it is named; `use` paths kept inside the using file's folder; unreadable
 * files; the limit on nested `use`.
 *
 * Each test gets a fresh directory made with mkdtemp under /tmp; its own
 * setup makes it and its own teardown removes everything in it (files,
 * links, folders), whether the test passed or not. */
#include "support.h"

#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- a fresh directory per test -------------------------------------------------------- */

static char tmp_dir[64];

static int load_setup(void **state)
{
    strcpy(tmp_dir, "/tmp/dlg-test-load-XXXXXX");
    if (!mkdtemp(tmp_dir))
        return -1;
    return fixture_setup(state);
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int load_teardown(void **state)
{
    /* depth first, links not followed: a link is removed, never its target */
    int rc = nftw(tmp_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    fixture_teardown(state);
    return rc;
}

#define LOAD_TEST(fn) cmocka_unit_test_setup_teardown(fn, load_setup, load_teardown)

/* ---- helpers ------------------------------------------------------------------------------ */

/* The path of `rel` in the test's directory, in the arena (a Source keeps it). */
static const char *path_in(Fixture *f, const char *rel)
{
    const char *p = arena_printf(&f->arena, "%s/%s", tmp_dir, rel);
    assert_non_null(p);
    return p;
}

static const char *write_file(Fixture *f, const char *rel, const char *text)
{
    const char *path = path_in(f, rel);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    assert_true(fputs(text, out) >= 0);
    assert_int_equal(fclose(out), 0);
    return path;
}

static void make_dir(Fixture *f, const char *rel)
{
    assert_int_equal(mkdir(path_in(f, rel), 0700), 0);
}

/* A symbolic link `rel` whose content is `target` (as written). */
static void make_link(Fixture *f, const char *target, const char *rel)
{
    assert_int_equal(symlink(target, path_in(f, rel)), 0);
}

static void start(Fixture *f, FileSet *fs)
{
    load_init(fs, &f->arena, &f->syms, &f->diag);
}

/* The n-th item (from 0) of a loaded file. */
static const Item *nth_item(const LoadedFile *lf, unsigned n)
{
    return item_at(lf->items, n);
}

static void assert_source(const LoadedFile *lf, uint32_t id, const char *path)
{
    assert_non_null(lf);
    assert_int_equal(lf->src->id, id);
    assert_string_equal(lf->src->name, path);
}

/* An error with exactly this message at line:col of the file with this id
 * (the same message may stand at several places). */
static void assert_error_at(const Fixture *f, const char *message, uint32_t src_id, uint32_t line, uint32_t col)
{
    for (const Diagnostic *g = f->diag.first; g; g = g->next) {
        if (g->severity != DIAG_ERROR || strcmp(g->message, message) != 0 || !g->src || g->src->id != src_id)
            continue;
        uint32_t l, c;
        diag_line_col(g, &l, &c);
        if (l == line && c == col)
            return;
    }
    diag_print(&f->diag, stderr);
    fail_msg("no error \"%s\" in file %u at %u:%u", message, src_id, line, col);
}

static const char *const REFUSED =
    "'use' takes a path relative to this file, without '..', '/' at the start or '\\'";
static const char *const LEAVES = "'use' may not leave this file's folder, even through a symbolic link";

/* ---- use, depth first --------------------------------------------------------------------- */

/* main uses a and b; a uses sub/c; c uses d, which is next to c in sub/ */
static void write_tree(Fixture *f)
{
    make_dir(f, "sub");
    write_file(f, "main.dlg", "use \"a.dlg\"\nuse \"b.dlg\"\ninvited 1\n");
    write_file(f, "a.dlg", "use \"sub/c.dlg\"\nattended 1\n");
    write_file(f, "sub/c.dlg", "use \"d.dlg\"\nopinions 1\n");
    write_file(f, "sub/d.dlg", "visits 1\n");
    write_file(f, "b.dlg", "people 1\n");
}

TEST(used_files_are_read_depth_first)
{
    write_tree(f);
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "main.dlg"));
    assert_no_errors(f);
    /* one command-line file, five files read, numbered as a reader meets
     * them: main 0, a 1, c 2, d 3 (c's `use`, relative to c), then b 4 */
    assert_int_equal(fs.nroots, 1);
    assert_int_equal(fs.nsources, 5);
    const LoadedFile *main_file = fs.roots[0];
    assert_source(main_file, 0, path_in(f, "main.dlg"));
    const LoadedFile *a = load_used(&fs, nth_item(main_file, 0));
    assert_source(a, 1, path_in(f, "a.dlg"));
    const LoadedFile *c = load_used(&fs, nth_item(a, 0));
    assert_source(c, 2, path_in(f, "sub/c.dlg"));
    const LoadedFile *d = load_used(&fs, nth_item(c, 0));
    assert_source(d, 3, path_in(f, "sub/d.dlg"));
    const LoadedFile *b = load_used(&fs, nth_item(main_file, 1));
    assert_source(b, 4, path_in(f, "b.dlg"));
    /* the files were parsed: b holds `people 1` */
    assert_string_equal(b->items->name->text, "people");
    /* an item that is no `use` brought nothing in */
    assert_null(load_used(&fs, nth_item(main_file, 2)));
    assert_null(load_used(&fs, nth_item(a, 1)));
}

TEST(used_files_join_the_model_where_the_use_stands)
{
    write_tree(f);
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "main.dlg"));
    assert_no_errors(f);
    load_vocab(f);
    Model *m = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(m);
    model_add_file(m, &fs, fs.roots[0]);
    assert_no_errors(f);
    /* main: use a (a: use c (c: use d (visits), opinions), attended),
     * use b (people), invited */
    const char *order[] = { "visits", "opinions", "attended", "people", "invited" };
    const uint32_t from[] = { 3, 2, 1, 4, 0 };
    const Figure *fig = m->root->figures;
    for (unsigned i = 0; i < 5; i++, fig = figure_next(fig)) {
        assert_non_null(fig);
        assert_string_equal(figure_path(&f->syms, fig)->text, order[i]);
        assert_int_equal(model_figure_src(m->root, fig)->id, from[i]);
    }
    assert_null(fig);
}

/* ---- each file once ------------------------------------------------------------------------ */

/* With FileSet.trees_apart, each file's tree has an arena of its own,
 * freed once the model has added the file (per-file lifetimes): roots,
 * the files they use, and a `within` file placed after the file that makes
 * its unit; the model is the same as with the trees kept, and reading a
 * freed tree would be caught by ASan and valgrind. */
TEST(each_tree_is_freed_once_its_file_is_modelled)
{
    write_tree(f);
    write_file(f, "c1.dlg", "within commune \"Quài Nưa\"\nhouseholds 7\n");
    write_file(f, "d.dlg", "district \"Tuần Giáo\" { commune \"Quài Nưa\" { } }\n");
    FileSet fs;
    start(f, &fs);
    fs.trees_apart = true;
    load_file(&fs, path_in(f, "c1.dlg"));
    load_file(&fs, path_in(f, "main.dlg"));
    load_file(&fs, path_in(f, "d.dlg"));
    assert_no_errors(f);
    assert_int_equal(fs.nroots, 3);
    for (uint32_t i = 0; i < fs.nfiles; i++) {
        assert_non_null(fs.files[i]->syntax);
        assert_non_null(fs.files[i]->items);
    }
    load_vocab(f);
    Model *m = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(m);
    model_add_files(m, &fs);
    assert_no_errors(f);
    for (uint32_t i = 0; i < fs.nfiles; i++) {
        assert_null(fs.files[i]->syntax);
        assert_null(fs.files[i]->items);
    }
    /* main and the files it uses, in order; the commune's figure under it */
    const char *order[] = { "visits", "opinions", "attended", "people", "invited" };
    const Figure *fig = m->root->figures;
    for (unsigned i = 0; i < 5; i++, fig = figure_next(fig)) {
        assert_non_null(fig);
        assert_string_equal(figure_path(&f->syms, fig)->text, order[i]);
    }
    const Node *commune = node_first_child(node_first_child(m->root));
    assert_string_equal(commune->name->text, "Quài Nưa");
    assert_string_equal(figure_path(&f->syms, commune->figures)->text, "households");
    assert_int_equal(figure_value(commune->figures), 7);
    load_release_all(&fs);              /* nothing left: no double free */
}

/* Files read by threads (load_files()) keep what they keep in each
 * thread's own memory, which lasts from one call to the next (a run reads
 * a few files at a time: their pages serve the next few) and joins the
 * run's arena in load_release_all(): every source is then the run's, as
 * if read one after the other, and can still be read. The run's arena
 * here has the system's allocator, as threads need (arena_shareable). */
TEST(files_read_by_threads_join_the_run_at_the_end)
{
    const char *paths[4];
    for (int i = 0; i < 4; i++) {
        char name[32], text[96];
        snprintf(name, sizeof name, "t%d.dlg", i);
        snprintf(text, sizeof text, "commune \"X%d\" {\n  invited %d\n}\n", i, 10 + i);
        paths[i] = write_file(f, name, text);
    }
    Arena run;
    arena_init(&run, NULL);
    Symtab syms;
    symtab_init(&syms, &run);
    Diag diag;
    diag_init(&diag, &run);
    FileSet fs;
    load_init(&fs, &run, &syms, &diag);
    fs.trees_apart = true;
    load_files(&fs, paths, 2, 2);
    assert_int_equal(fs.nhands, 2);
    const struct Hand *hands = fs.hands;
    assert_int_equal(fs.nroots, 2);
    for (uint32_t i = 0; i < fs.nroots; i++) {
        assert_non_null(fs.roots[i]->items);
        assert_ptr_not_equal(fs.roots[i]->src->arena, &run);     /* a thread's */
        load_release(&fs, fs.roots[i]);                          /* modelled */
    }
    load_files(&fs, paths + 2, 2, 2);
    assert_ptr_equal(fs.hands, hands);          /* the same threads' memory */
    assert_int_equal(fs.nroots, 4);
    load_release_all(&fs);
    assert_null(fs.hands);
    assert_int_equal(diag.errors, 0);
    for (uint32_t i = 0; i < fs.nroots; i++) {
        LoadedFile *lf = fs.roots[i];
        assert_string_equal(lf->src->name, paths[i]);           /* in the order named */
        assert_ptr_equal(lf->src->arena, &run);
        assert_null(lf->syntax);
        uint32_t line, column;
        source_position(lf->src, lf->src->len - 2, &line, &column);    /* its lines made in the run's arena */
        assert_int_equal(line, 3);
        assert_int_equal(column, 1);
    }
    arena_free(&run);
}

TEST(a_file_named_directly_and_through_use_is_read_once)
{
    write_file(f, "main.dlg", "use \"b.dlg\"\n");
    write_file(f, "b.dlg", "invited 5\n");
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "main.dlg"));
    load_file(&fs, path_in(f, "b.dlg"));
    assert_no_errors(f);
    /* b was read through main's `use`; naming it again adds nothing */
    assert_int_equal(fs.nsources, 2);
    assert_int_equal(fs.nroots, 1);
    assert_source(load_used(&fs, fs.roots[0]->items), 1, path_in(f, "b.dlg"));
}

TEST(a_file_named_first_then_used_is_read_once)
{
    write_file(f, "main.dlg", "use \"b.dlg\"\n");
    write_file(f, "b.dlg", "invited 5\n");
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "b.dlg"));
    load_file(&fs, path_in(f, "main.dlg"));
    assert_no_errors(f);
    /* b 0, main 1; main's `use` names a file read before: nothing */
    assert_int_equal(fs.nsources, 2);
    assert_int_equal(fs.nroots, 2);
    assert_source(fs.roots[0], 0, path_in(f, "b.dlg"));
    assert_source(fs.roots[1], 1, path_in(f, "main.dlg"));
    assert_null(load_used(&fs, fs.roots[1]->items));
}

TEST(a_file_named_through_a_symbolic_link_is_read_once)
{
    write_file(f, "main.dlg", "use \"b.dlg\"\nuse \"alias.dlg\"\n");
    write_file(f, "b.dlg", "invited 5\n");
    make_link(f, "b.dlg", "alias.dlg");
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "main.dlg"));
    load_file(&fs, path_in(f, "alias.dlg"));
    assert_no_errors(f);
    /* main and b: the link is the same file (device and inode) */
    assert_int_equal(fs.nsources, 2);
    assert_int_equal(fs.nroots, 1);
    const LoadedFile *main_file = fs.roots[0];
    assert_source(load_used(&fs, nth_item(main_file, 0)), 1, path_in(f, "b.dlg"));
    assert_null(load_used(&fs, nth_item(main_file, 1)));
    /* so the model sees `invited` once, and no "declared twice" */
    load_vocab(f);
    Model *m = model_new(&f->arena, &f->syms, f->vocab, &f->diag);
    assert_non_null(m);
    model_add_file(m, &fs, main_file);
    assert_no_errors(f);
    assert_non_null(m->root->figures);
    assert_null(figure_next(m->root->figures));
}

TEST(files_that_use_each_other_are_read_once)
{
    write_file(f, "x.dlg", "use \"y.dlg\"\nuse \"x.dlg\"\n");
    write_file(f, "y.dlg", "use \"x.dlg\"\n");
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "x.dlg"));
    assert_no_errors(f);
    assert_int_equal(fs.nsources, 2);
    const LoadedFile *x = fs.roots[0], *y = load_used(&fs, nth_item(x, 0));
    assert_source(y, 1, path_in(f, "y.dlg"));
    assert_null(load_used(&fs, y->items));
    assert_null(load_used(&fs, nth_item(x, 1)));
}

/* ---- paths kept in the folder (§10) -------------------------------------------------------------- */

TEST(paths_that_leave_the_folder_are_refused)
{
    make_dir(f, "sub");
    /* these exist, so a refusal is not a missing file */
    write_file(f, "x.dlg", "invited 1\n");
    write_file(f, "sub/x.dlg", "invited 2\n");
    write_file(f, "sub/..x.dlg", "invited 3\n");
    write_file(f, "sub/main.dlg",
               "use \"../x.dlg\"\n"            /* 1 */
               "use \"/etc/passwd\"\n"         /* 2 */
               "use \"sub\\\\x.dlg\"\n"        /* 3: a backslash */
               "use \"y/../x.dlg\"\n"          /* 4 */
               "use \"..\"\n"                  /* 5 */
               "use \"\"\n"                    /* 6 */
               "use \"..x.dlg\"\n");           /* 7: '..x.dlg' is a name, not '..' */
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "sub/main.dlg"));
    /* each at its path, column 5 of its line */
    for (uint32_t line = 1; line <= 6; line++)
        assert_error_at(f, REFUSED, 0, line, 5);
    assert_int_equal(f->diag.errors, 6);
    /* only main and sub/..x.dlg were read */
    assert_int_equal(fs.nsources, 2);
    const LoadedFile *main_file = fs.roots[0];
    for (unsigned i = 0; i < 6; i++)
        assert_null(load_used(&fs, nth_item(main_file, i)));
    assert_source(load_used(&fs, nth_item(main_file, 6)), 1, path_in(f, "sub/..x.dlg"));
}

TEST(a_symbolic_link_out_of_the_folder_is_refused)
{
    make_dir(f, "sub");
    make_dir(f, "other");
    write_file(f, "outside.dlg", "invited 1\n");
    write_file(f, "other/y.dlg", "invited 2\n");
    write_file(f, "sub/inside.dlg", "invited 3\n");
    make_link(f, "../outside.dlg", "sub/link.dlg");
    make_link(f, "/etc/passwd", "sub/passwd.dlg");
    make_link(f, "../other", "sub/dir");
    make_link(f, "inside.dlg", "sub/ok.dlg");
    write_file(f, "sub/main.dlg",
               "use \"link.dlg\"\n"        /* 1: to the parent folder */
               "use \"passwd.dlg\"\n"      /* 2: to an absolute path */
               "use \"dir/y.dlg\"\n"       /* 3: through a linked folder */
               "use \"ok.dlg\"\n");        /* 4: a link that stays inside */
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "sub/main.dlg"));
    assert_error_at(f, LEAVES, 0, 1, 5);
    assert_error_at(f, LEAVES, 0, 2, 5);
    assert_error_at(f, LEAVES, 0, 3, 5);
    assert_int_equal(f->diag.errors, 3);
    /* main, and inside.dlg through ok.dlg: the path as written */
    assert_int_equal(fs.nsources, 2);
    assert_source(load_used(&fs, nth_item(fs.roots[0], 3)), 1, path_in(f, "sub/ok.dlg"));
}

/* ---- files that cannot be read --------------------------------------------------------------- */

TEST(a_missing_file)
{
    FileSet fs;
    start(f, &fs);
    const char *path = path_in(f, "missing.dlg");
    load_file(&fs, path);
    /* named on the command line: tied to no file */
    assert_int_equal(f->diag.errors, 1);
    const Diagnostic *g = f->diag.first;
    assert_null(g->src);
    assert_string_equal(g->message, arena_printf(&f->arena, "cannot read '%s': No such file or directory", path));
    assert_int_equal(fs.nroots, 0);
    assert_int_equal(fs.nsources, 0);
}

TEST(a_missing_used_file)
{
    write_file(f, "main.dlg", "invited 1\nuse \"gone.dlg\"\n");
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "main.dlg"));
    /* at the `use`'s path: line 2, column 5, in main (0); the path is
     * relative to main's folder */
    assert_int_equal(f->diag.errors, 1);
    assert_error_at(f, arena_printf(&f->arena, "cannot read '%s': No such file or directory", path_in(f, "gone.dlg")),
                    0, 2, 5);
    assert_int_equal(fs.nsources, 1);
    assert_null(load_used(&fs, nth_item(fs.roots[0], 1)));
}

/* ---- a large file read in pieces ---------------------------------------------------------- */

typedef struct Truncating {
    const char *path;
    unsigned items;
    bool pieces;            /* the file had no text held whole */
} Truncating;

static void note_file(void *ctx, LoadedFile *lf)
{
    Truncating *t = ctx;
    t->pieces = lf->src->text == NULL;
}

/* The first item cuts the file short, while the rest of it is still to
 * be read. */
static bool cut_file(void *ctx, Item *it)
{
    (void)it;
    Truncating *t = ctx;
    if (t->items++ == 0)
        assert_int_equal(truncate(t->path, 2 * SOURCE_PIECE), 0);
    return true;
}

/* A command-line file of SOURCE_PIECES_MIN bytes or more is read in pieces
 * while it is parsed; when it is shorter by then than it was, that is said
 * as for any file that cannot be read. */
TEST(a_file_read_in_pieces_that_shrinks)
{
    const char *path = path_in(f, "big.dlg");
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    for (unsigned k = 0; k < SOURCE_PIECES_MIN / 8; k++)
        fprintf(out, "x%05u 1\n", k % 100000);
    assert_int_equal(fclose(out), 0);
    FileSet fs;
    start(f, &fs);
    Truncating t = { path, 0, false };
    FileSink sink = { note_file, { .item = cut_file, .ctx = &t } };
    assert_int_equal(load_file_streamed(&fs, path, &sink), PARSE_DONE);
    assert_true(t.pieces);
    /* every item of the two pieces read before the file was cut, or so */
    assert_true(t.items > SOURCE_PIECE / 8 && t.items <= 2 * SOURCE_PIECE / 8 + 1);
    const char *want = arena_printf(&f->arena, "cannot read '%s': Input/output error", path);
    assert_non_null(find_diag(&f->diag, DIAG_ERROR, want));
    assert_int_equal(f->diag.errors, 1);
}

TEST(a_folder_is_not_a_file)
{
    make_dir(f, "sub");
    write_file(f, "main.dlg", "use \"sub\"\n");
    FileSet fs;
    start(f, &fs);
    load_file(&fs, tmp_dir);
    load_file(&fs, path_in(f, "main.dlg"));
    assert_int_equal(f->diag.errors, 2);
    const Diagnostic *g = f->diag.first;
    assert_null(g->src);
    assert_string_equal(g->message, arena_printf(&f->arena, "cannot read '%s': not a regular file", tmp_dir));
    assert_error_at(f, arena_printf(&f->arena, "cannot read '%s': not a regular file", path_in(f, "sub")), 0, 1, 5);
    assert_int_equal(fs.nsources, 1);
}

/* ---- nesting (LOAD_MAX_USE_DEPTH) ------------------------------------------------------------- */

/* f00.dlg uses f01.dlg ... up to f{n-1}.dlg, which uses nothing. */
static void write_chain(Fixture *f, unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        const char *name = arena_printf(&f->arena, "f%02u.dlg", k);
        const char *text = k + 1 < n ? arena_printf(&f->arena, "use \"f%02u.dlg\"\n", k + 1) : "invited 1\n";
        assert_non_null(name);
        assert_non_null(text);
        write_file(f, name, text);
    }
}

/* Follow the chain from f00 through `depth` uses; each file is the next id. */
static const LoadedFile *follow_chain(Fixture *f, const FileSet *fs, unsigned depth)
{
    const LoadedFile *lf = fs->roots[0];
    assert_source(lf, 0, path_in(f, "f00.dlg"));
    for (unsigned k = 1; k <= depth; k++) {
        lf = load_used(fs, lf->items);
        assert_source(lf, k, path_in(f, arena_printf(&f->arena, "f%02u.dlg", k)));
    }
    return lf;
}

TEST(use_nests_32_levels_deep)
{
    /* f00 uses f01 (level 1) ... f31 uses f32 (level 32): the deepest
     * allowed, so 33 files and no error */
    write_chain(f, 33);
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "f00.dlg"));
    assert_no_errors(f);
    assert_int_equal(fs.nsources, 33);
    const LoadedFile *last = follow_chain(f, &fs, 32);
    assert_string_equal(last->items->name->text, "invited");
}

TEST(use_nesting_deeper_stops)
{
    /* 40 files: f32's `use "f33.dlg"` would be level 33 > 32 */
    assert_int_equal(LOAD_MAX_USE_DEPTH, 32);
    write_chain(f, 40);
    FileSet fs;
    start(f, &fs);
    load_file(&fs, path_in(f, "f00.dlg"));
    /* the error is in f32 (id 32), at its path: line 1, column 5 */
    assert_int_equal(f->diag.errors, 1);
    assert_error_at(f, "'use' files nest more than 32 levels deep here", 32, 1, 5);
    assert_string_equal(f->diag.first->src->name, path_in(f, "f32.dlg"));
    /* f00 ... f32 read; nothing deeper */
    assert_int_equal(fs.nsources, 33);
    const LoadedFile *last = follow_chain(f, &fs, 32);
    assert_null(load_used(&fs, last->items));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        LOAD_TEST(used_files_are_read_depth_first),
        LOAD_TEST(used_files_join_the_model_where_the_use_stands),
        LOAD_TEST(each_tree_is_freed_once_its_file_is_modelled),
        LOAD_TEST(files_read_by_threads_join_the_run_at_the_end),
        LOAD_TEST(a_file_named_directly_and_through_use_is_read_once),
        LOAD_TEST(a_file_named_first_then_used_is_read_once),
        LOAD_TEST(a_file_named_through_a_symbolic_link_is_read_once),
        LOAD_TEST(files_that_use_each_other_are_read_once),
        LOAD_TEST(paths_that_leave_the_folder_are_refused),
        LOAD_TEST(a_symbolic_link_out_of_the_folder_is_refused),
        LOAD_TEST(a_missing_file),
        LOAD_TEST(a_missing_used_file),
        LOAD_TEST(a_file_read_in_pieces_that_shrinks),
        LOAD_TEST(a_folder_is_not_a_file),
        LOAD_TEST(use_nests_32_levels_deep),
        LOAD_TEST(use_nesting_deeper_stops),
    };
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
