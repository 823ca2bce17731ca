insert into books (id, title) values (3, 'Kindred');
