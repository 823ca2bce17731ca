/** Entities whose rows are deleted softly, as this package says: the package-level annotation Hibernate looks for. */
@SoftDelete
package dev.autogenerate.entities.softdeleted;

import org.hibernate.annotations.SoftDelete;
