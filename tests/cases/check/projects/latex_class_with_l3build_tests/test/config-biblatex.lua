testfiledir = "./test/testfiles-biblatex"
