. "$HERE/lib.sh"
# `use` through a symbolic link to a folder outside told existing files
# (refused) from missing ones ("No such file"): one message for both now
mkdir -p sub outside && echo 'invited 3' > outside/secret.dlg && ln -s ../outside sub/out
printf 'use "out/secret.dlg"\nuse "out/missing.dlg"\n' > sub/main.dlg
"$DLG" sub/main.dlg > out 2> err
expect_status 2 $?
[ "$(grep -c "may not leave this file's folder" err)" -eq 2 ] || { cat err; exit 1; }
lacks err "No such file"
