package dev.permafrost.processor.read;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Finds an entity's column whose type javac has not resolved: a type another processor generates in a
 * later round, or one that does not exist. The processor waits for such an entity instead of mapping a
 * type it cannot see, and reports it if the type never appears.
 */
public final class Unresolved {

    private Unresolved() {
    }

    /** The first field or record component (or the class, for its superclass) whose type is unresolved, or {@code null}. */
    public static Element in(TypeElement entity) {
        if (unresolved(entity.getSuperclass())) {
            return entity;
        }
        for (Element column : EntityReader.columnElements(entity)) {
            if (unresolved(column.asType())) {
                return column;
            }
        }
        return null;
    }

    private static boolean unresolved(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> unresolved(((ArrayType) type).getComponentType());
            case DECLARED -> anyUnresolved(((DeclaredType) type).getTypeArguments());
            default -> false;
        };
    }

    private static boolean anyUnresolved(List<? extends TypeMirror> types) {
        return types.stream().anyMatch(Unresolved::unresolved);
    }
}
