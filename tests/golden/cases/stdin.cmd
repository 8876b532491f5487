# '-' reads standard input
-
