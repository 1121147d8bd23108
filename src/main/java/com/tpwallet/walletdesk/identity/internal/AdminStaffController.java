package com.tpwallet.walletdesk.identity.internal;

import com.tpwallet.walletdesk.platform.Caller.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Admin: staff")
class AdminStaffController {

	private final StaffDesk desk;

	AdminStaffController(StaffDesk desk) {
		this.desk = desk;
	}

	record NewStaffRequest(@NotBlank(message = "{validation.required}") String username,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String displayName,
			@NotBlank(message = "{validation.required}") @Size(max = 200) String password,
			@NotNull(message = "{validation.required}") Role role, List<String> languages) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an agent, supervisor or admin")
	StaffDesk.StaffSummary create(@Valid @RequestBody NewStaffRequest body) {
		return desk.createStaff(new StaffDesk.NewStaff(body.username(), body.displayName(), body.password(), body.role(),
				body.languages() == null ? List.of() : body.languages()));
	}

	@GetMapping
	@Operation(summary = "All staff users")
	List<StaffDesk.StaffSummary> all() {
		return desk.allStaff();
	}
}
